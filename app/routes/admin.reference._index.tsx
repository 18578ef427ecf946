import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/lib/guards.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { countPendingProgrammeRequests } from "~/modules/programme-requests/queries.server";
import { countReferenceData } from "~/modules/reference/queries.server";

export const meta: MetaFunction = () => [{ title: "Danh mục dùng chung — Quản trị Bộ — Cổng Văn bằng số GDNN" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reference:edit");
  return json({ counts: await countReferenceData(), pendingRequests: await countPendingProgrammeRequests() });
}

export default function ReferenceOverview() {
  const t = useT();
  const { counts, pendingRequests } = useLoaderData<typeof loader>();
  const sections: { to: string; title: MessageKey; text: string }[] = [
    {
      to: "/admin/reference/provinces",
      title: "reference.nav.provinces",
      text: t("reference.count.provinces", { count: counts.provinces }),
    },
    {
      to: "/admin/reference/levels",
      title: "reference.nav.levels",
      text: t("reference.count.levels", { count: counts.levels }),
    },
    {
      to: "/admin/reference/fields",
      title: "reference.nav.fields",
      text: t("reference.count.fields", { count: counts.fields }),
    },
    {
      to: "/admin/reference/groups",
      title: "reference.nav.groups",
      text: t("reference.count.groups", { count: counts.groups }),
    },
    {
      to: "/admin/reference/programmes",
      title: "reference.nav.programmes",
      text: t("reference.count.programmes", {
        count: counts.programmes,
        inactive: counts.inactiveProgrammes,
        legacy: counts.legacyProgrammes,
      }),
    },
    {
      to: "/admin/reference/crosswalk",
      title: "reference.nav.crosswalk",
      text: t("reference.count.crosswalk", { count: counts.crosswalkPairs }),
    },
    {
      to: "/admin/reference/programme-requests",
      title: "programmeRequests.title",
      text: t("programmeRequests.pendingCount", { count: pendingRequests }),
    },
  ];
  return (
    <>
      <h1>{t("reference.title")}</h1>
      <p className="lead">{t("reference.intro")}</p>
      <ul className="reference-cards">
        {sections.map((s) => (
          <li key={s.to} className="card">
            <h2>
              <Link to={s.to}>{t(s.title)}</Link>
            </h2>
            <p>{s.text}</p>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/admin/reference/programmes/import" className="button">
          {t("reference.programmes.import")}
        </Link>
      </p>
    </>
  );
}
