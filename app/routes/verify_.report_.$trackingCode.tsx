import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { FormAlert } from "~/components/form";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { findPublicReport } from "~/modules/reports/fake-reports.server";
import { normaliseTrackingCode } from "~/modules/reports/schema";
import { REPORT_STATUS_LABELS } from "~/modules/reports/labels";
import { notFound } from "~/lib/http.server";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "verify.report.title"),
  { name: "robots", content: "noindex, nofollow" },
];

/** GET /verify/report/{trackingCode} — the reporter follows the case: status and public note only, never the e-mail. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = normaliseTrackingCode(params.trackingCode ?? "");
  const report = code ? await findPublicReport(code) : null;
  if (!report) throw notFound({ headers: { "Cache-Control": "no-store" } });
  return json(
    { report, created: new URL(request.url).searchParams.get("new") === "1" },
    {
      headers: {
        "Cache-Control": "private, no-store",
        "X-Robots-Tag": "noindex, nofollow",
        "Referrer-Policy": "no-referrer",
      },
    },
  );
}

export default function FakeReportTracking() {
  const t = useT();
  const { report, created } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow">
      <h1>{t("reports.track.title", { code: report.trackingCode })}</h1>
      {created ? (
        <FormAlert kind="success">
          {t("reports.track.created", { code: report.trackingCode })} <br />
          {t("reports.track.keep")}
        </FormAlert>
      ) : null}
      <dl className="card">
        <dt>{t("reports.track.status")}</dt>
        <dd data-status={report.status}>{t(REPORT_STATUS_LABELS[report.status])}</dd>
        <dt>{t("reports.track.createdAt")}</dt>
        <dd>
          <DateTime value={report.createdAt} />
        </dd>
        <dt>{t("reports.track.updatedAt")}</dt>
        <dd>
          <DateTime value={report.updatedAt} />
        </dd>
        {report.resolutionNote ? (
          <>
            <dt>{t("reports.track.note")}</dt>
            <dd className="prewrap">{report.resolutionNote}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link to="/verify">{t("verify.again")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  return (
    <div className="container narrow">
      <h1>{t("verify.report.title")}</h1>
      <p className="lead">
        {isRouteErrorResponse(error) && error.status === 404
          ? t("reports.track.notFound")
          : t("reports.error.not_found")}
      </p>
      <p>
        <Link to="/verify">{t("verify.again")}</Link>
      </p>
    </div>
  );
}
