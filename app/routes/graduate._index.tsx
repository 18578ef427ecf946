import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "graduate.title")];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requirePermission(request, "graduate:own-profile");
  return json({ fullName: session.user.fullName });
}

export default function GraduateHome() {
  const t = useT();
  const { fullName } = useLoaderData<typeof loader>();
  return (
    <div className="container workspace">
      <h1>{t("graduate.title")}</h1>
      <p className="lead">{fullName}</p>
      <div className="card empty-state">
        <p>{t("graduate.empty")}</p>
      </div>
    </div>
  );
}
