import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { MembersPanel } from "~/components/members-panel";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { pageTitle } from "~/lib/meta";
import { handleMembersAction, loadMembersPage } from "~/modules/organisations/member-pages.server";
import type { MembersActionResult } from "~/modules/organisations/schema";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "members.title");

/** Every member sees who is who; those who manage members get the invite and revoke forms. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const guarded = await requireOrganisationPermission(request, {
    kind: "employer",
    code: params.code,
    permission: "employer:view",
  });
  return json(await loadMembersPage(guarded.session, guarded.organisation));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const guarded = await requireOrganisationPermission(request, {
    kind: "employer",
    code: params.code,
    permission: "employer:manage-members",
  });
  return handleMembersAction(request, context, guarded);
}

export default function EmployerMembers() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as MembersActionResult | undefined;
  return <MembersPanel {...data} result={result} />;
}
