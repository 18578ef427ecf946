import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { requirePermission } from "~/lib/guards.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { listGraduateApplications } from "~/modules/applications/queries.server";
import { listNotifications, markNotificationsRead } from "~/modules/jobs/saved-searches.server";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "graduates.applications.title"), { name: "robots", content: "noindex" }];

/** The graduate's applications and their status, and in-app notifications (alerts, invitations, moves). */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requirePermission(request, "graduate:own-profile");
  const db = await getDb();
  const [applications, notifications] = await Promise.all([listGraduateApplications(db, session.user.id), listNotifications(db, session.user.id)]);
  await markNotificationsRead(db, session.user.id);
  return json(
    {
      applications: applications.map((a) => ({ ...a, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString() })),
      notifications: notifications.map((n) => ({ id: n.id, kind: n.kind, jobId: n.jobId, details: n.details ?? {}, unread: n.readAt === null, createdAt: n.createdAt.toISOString() })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function GraduateApplications() {
  const t = useT();
  const { applications, notifications } = useLoaderData<typeof loader>();
  return (
    <div className="container workspace">
      <p>
        <Link to="/graduate">{t("graduate.title")}</Link> · <Link to="/graduate/jobs">{t("graduates.jobs.title")}</Link> ·{" "}
        <Link to="/graduate/profile">{t("graduates.profile.title")}</Link>
      </p>
      <h1>{t("graduates.applications.title")}</h1>
      {applications.length === 0 ? (
        <div className="card empty-state">
          <p>{t("graduates.applications.empty")}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("jobs.field.title")}</th>
                <th scope="col">{t("graduates.applications.employer")}</th>
                <th scope="col">{t("jobs.col.status")}</th>
                <th scope="col">{t("graduates.applications.diplomas")}</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/jobs/${a.jobId}`}>{a.title}</Link>
                  </td>
                  <td>{a.employerName}</td>
                  <td>
                    <span className={`status-badge application-${a.status}`}>{t(`jobs.pipeline.status.${a.status}` as MessageKey)}</span>
                  </td>
                  <td>{a.diplomas}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("graduates.notifications.title")}</h2>
      {notifications.length === 0 ? (
        <p className="muted">{t("graduates.notifications.empty")}</p>
      ) : (
        <ul className="notifications">
          {notifications.map((n) => (
            <li key={n.id} className={n.unread ? "unread" : undefined}>
              {t(`graduates.notifications.${n.kind}` as MessageKey, {
                title: String((n.details as Record<string, unknown>).title ?? ""),
                name: String((n.details as Record<string, unknown>).name ?? ""),
                status: (n.details as Record<string, unknown>).status ? t(`jobs.pipeline.status.${String((n.details as Record<string, unknown>).status)}` as MessageKey) : "",
              })}{" "}
              {n.jobId ? <Link to={`/jobs/${n.jobId}`}>{t("graduates.notifications.open")}</Link> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
