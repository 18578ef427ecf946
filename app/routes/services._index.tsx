import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { feeText, SERVICE_TEXT } from "~/modules/services/labels";
import { loadOwnRequests, loadServiceIndex } from "~/modules/services/request-pages.server";
import { CASE_KIND_LABELS, CASE_STATUS_LABELS } from "~/modules/cases/labels";
import { DateTime } from "~/components/date-time";
import { ServiceResultLinks } from "~/components/cases/service-result-links";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "services.index.title");

/** GET /services: the online diploma services, each with its fee and its deadline in working days. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireUser(request);
  const db = await getDb();
  const [services, requests] = await Promise.all([loadServiceIndex(db), loadOwnRequests(db, session.user.id)]);
  return json({ services, requests }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function ServicesIndex() {
  const t = useT();
  const { services, requests } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow services-index">
      <h1>{t("services.index.title")}</h1>
      <p className="lead">{t("services.index.intro")}</p>
      <ul className="card-list">
        {services.map((s) => (
          <li key={s.slug} className="card">
            <h2>
              <Link to={`/services/${s.slug}`}>{t(SERVICE_TEXT[s.kind].title)}</Link>
            </h2>
            <p>{t(SERVICE_TEXT[s.kind].intro)}</p>
            <p>
              <strong>{t("services.fee.title")}:</strong>{" "}
              <span data-testid={`fee-${s.slug}`}>{feeText(t, s.feeVnd)}</span>
              {" · "}
              {s.workingDays === 0 ? t("services.fee.sameDay") : t("services.fee.deadline", { days: s.workingDays })}
            </p>
          </li>
        ))}
      </ul>
      <p className="field-hint">{t("services.fee.payment")}</p>
      {requests.length > 0 ? (
        <section aria-labelledby="own-requests-heading">
          <h2 id="own-requests-heading">{t("services.index.mine")}</h2>
          <div className="table-wrap">
            <table data-testid="own-requests">
              <thead>
                <tr>
                  <th scope="col">{t("services.index.code")}</th>
                  <th scope="col">{t("services.index.kind")}</th>
                  <th scope="col">{t("services.index.received")}</th>
                  <th scope="col">{t("services.index.status")}</th>
                  <th scope="col">{t("services.index.result")}</th>
                </tr>
              </thead>
              <tbody>
                {requests.map((r) => (
                  <tr key={r.code} data-code={r.code}>
                    <td>
                      <Link to={`/my/cases/${r.code}`}>{r.code}</Link>
                    </td>
                    <td>{t(CASE_KIND_LABELS[r.kind])}</td>
                    <td>
                      <DateTime value={r.receivedAt} dateOnly />
                    </td>
                    <td>{t(CASE_STATUS_LABELS[r.status])}</td>
                    <td>
                      <ServiceResultLinks documentId={r.resultDocumentId} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
