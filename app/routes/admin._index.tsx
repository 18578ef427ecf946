import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requirePermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Quản trị Bộ — Cổng Văn bằng số GDNN" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ministry:administer");
  return json({});
}

export default function AdminHome() {
  const t = useT();
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p>{t("admin.intro")}</p>
    </>
  );
}
