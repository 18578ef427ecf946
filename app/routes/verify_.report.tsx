import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "verify.report.title"), { name: "robots", content: "noindex" }];

/** GET /verify/report — "report a suspected fake": a placeholder until cases and tracking codes arrive (issue 4, part 6). */
export default function ReportSuspectedFake() {
  const t = useT();
  return (
    <div className="container narrow">
      <h1>{t("verify.report.title")}</h1>
      <p className="lead">{t("verify.report.soon")}</p>
      <p>
        <Link to="/verify">{t("verify.again")}</Link>
      </p>
    </div>
  );
}
