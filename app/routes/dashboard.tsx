import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/lib/guards.server";
import { navigationFor } from "~/modules/auth/navigation";
import { listUserOrganisations } from "~/modules/organisations/queries.server";

/** Where sign-in lands: the user's first workspace, or their account page if they have none yet. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireUser(request);
  const organisations = await listUserOrganisations(session.user.id);
  const [first] = navigationFor(session.grants, organisations);
  throw redirect(first?.href ?? "/account");
}
