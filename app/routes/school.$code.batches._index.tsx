import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { BatchStatusBadge } from "~/components/diploma-drafts";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { formatNumber } from "~/lib/format-number";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { hasPermission } from "~/lib/permissions";
import { countBatchesByStatus, listBatches } from "~/modules/drafts/queries.server";
import { BATCH_STATUS_LABELS } from "~/modules/diplomas/labels";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "diplomas.batches.title");

const STATUSES = ["draft", "submitted", "signed", "cancelled"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "school:view",
  });
  const [batches, counts] = await Promise.all([
    listBatches({ organisationId: organisation.id }),
    countBatchesByStatus({ organisationId: organisation.id }),
  ]);
  return json({
    schoolCode: organisation.code,
    batches,
    counts,
    canDraft: hasPermission(session.grants, "diplomas:draft", organisation.id),
  });
}

export default function Batches() {
  const t = useT();
  const locale = useLocale();
  const { schoolCode, batches, counts, canDraft } = useLoaderData<typeof loader>();
  const base = `/school/${schoolCode}/batches`;
  return (
    <>
      <h1>{t("diplomas.batches.title")}</h1>
      <p className="lead">{t("diplomas.batches.intro")}</p>
      <ul className="stat-grid">
        {STATUSES.map((s) => (
          <li key={s} className="card stat">
            <span className="stat-number">{counts[s] ?? 0}</span>
            <span className="stat-label">{t(BATCH_STATUS_LABELS[s])}</span>
          </li>
        ))}
      </ul>
      {canDraft ? (
        <p className="button-row">
          <Link to={`${base}/new`} className="button button-primary">
            {t("diplomas.batches.new")}
          </Link>
          <a href={`${base}/template.xlsx`} className="button" download>
            {t("diplomas.template.downloadXlsx")}
          </a>
          <a href={`${base}/template.csv`} className="button" download>
            {t("diplomas.template.download")}
          </a>
        </p>
      ) : null}
      {batches.length === 0 ? (
        <p className="empty-state">{t("diplomas.batches.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("diplomas.batch.title")}</th>
                <th scope="col">{t("diplomas.batch.status")}</th>
                <th scope="col">{t("diplomas.batch.count")}</th>
                <th scope="col">{t("diplomas.batch.createdAt")}</th>
                <th scope="col">{t("diplomas.batch.submittedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id}>
                  <td>
                    <Link to={`${base}/${b.id}`}>{b.title}</Link>
                  </td>
                  <td>
                    <BatchStatusBadge status={b.status} />
                  </td>
                  <td>{formatNumber(b.diplomaCount, locale)}</td>
                  <td>
                    <DateTime value={b.createdAt} />
                  </td>
                  <td>{b.submittedAt ? <DateTime value={b.submittedAt} /> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
