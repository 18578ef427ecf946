import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { DateTime } from "~/components/date-time";
import { FormAlert } from "~/components/form";
import { requirePermission } from "~/lib/guards.server";
import { readFormData } from "~/lib/http.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { canWithdraw } from "~/modules/applications/pipeline";
import { isApplicationStatus } from "~/modules/jobs/codes";
import { listGraduateApplications } from "~/modules/applications/queries.server";
import { withdrawApplication } from "~/modules/applications/withdraw-application.server";
import { JOB_NOTIFICATION_KINDS, listNotifications, markNotificationsRead } from "~/modules/jobs/saved-searches.server";
import { APPLICATION_STATUS_LABELS } from "~/modules/jobs/labels";
import { NOTIFICATION_LABELS } from "~/modules/graduates/labels";
import { translateLabel } from "~/lib/labels";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "graduates.applications.title"),
  { name: "robots", content: "noindex" },
];

/** The graduate's applications and their status, and in-app notifications (alerts, invitations, moves). */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requirePermission(request, "graduate:own-profile");
  const [applications, notifications] = await Promise.all([
    listGraduateApplications(session.user.id),
    listNotifications(session.user.id, 30, JOB_NOTIFICATION_KINDS),
  ]);
  // The jobs' notices only: case notices are read on /notifications.
  await markNotificationsRead(session.user.id, JOB_NOTIFICATION_KINDS);
  return json(
    {
      applications: applications.map((a) => ({
        ...a,
        createdAt: a.createdAt.toISOString(),
        updatedAt: a.updatedAt.toISOString(),
      })),
      notifications: notifications.map((n) => {
        const details = (n.details ?? {}) as Record<string, unknown>;
        return {
          id: n.id,
          kind: n.kind,
          jobId: n.jobId,
          title: String(details.title ?? ""),
          company: String(details.company ?? ""),
          name: String(details.name ?? ""),
          status: isApplicationStatus(details.status) ? details.status : null,
          unread: n.readAt === null,
          createdAt: n.createdAt.toISOString(),
        };
      }),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

const WithdrawSchema = z.object({ intent: z.literal("withdraw"), applicationId: z.string().uuid() });

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "graduate:own-profile");
  const parsed = WithdrawSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return redirect("/graduate/applications?notice=invalid");
  const result = await withdrawApplication({
    userId: session.user.id,
    applicationId: parsed.data.applicationId,
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
  });
  if (!result.ok)
    return redirect(`/graduate/applications?notice=${result.code === "not_found" ? "notFound" : "notAllowed"}`);
  return redirect("/graduate/applications?notice=applicationWithdrawn");
}

const NOTICES = {
  applicationWithdrawn: { kind: "success", key: "graduates.applications.notice.withdrawn" },
  notAllowed: { kind: "error", key: "graduates.applications.notice.notAllowed" },
  notFound: { kind: "error", key: "graduates.applications.notice.notFound" },
  invalid: { kind: "error", key: "form.invalid" },
} as const satisfies Record<string, { kind: "success" | "error"; key: MessageKey }>;

function isNotice(value: string | null): value is keyof typeof NOTICES {
  return value !== null && Object.hasOwn(NOTICES, value);
}

export default function GraduateApplications() {
  const t = useT();
  const { applications, notifications } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const notice = search.get("notice");
  const confirming = applications.find((a) => a.id === search.get("withdraw") && canWithdraw(a.status));
  return (
    <div className="container workspace">
      <p>
        <Link to="/graduate">{t("graduate.title")}</Link> · <Link to="/graduate/jobs">{t("graduates.jobs.title")}</Link>{" "}
        · <Link to="/graduate/profile">{t("graduates.profile.title")}</Link>
      </p>
      <h1>{t("graduates.applications.title")}</h1>
      {isNotice(notice) ? <FormAlert kind={NOTICES[notice].kind}>{t(NOTICES[notice].key)}</FormAlert> : null}
      {confirming ? (
        <section className="card" aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t("graduates.applications.withdrawTitle")}</h2>
          <p>
            {t("graduates.applications.withdrawConfirm", { title: confirming.title, company: confirming.employerName })}
          </p>
          <Form method="post" action="/graduate/applications" className="inline-form">
            <input type="hidden" name="intent" value="withdraw" />
            <input type="hidden" name="applicationId" value={confirming.id} />
            <button type="submit" className="button button-danger">
              {t("graduates.applications.withdrawYes")}
            </button>{" "}
            <Link to="/graduate/applications" className="button button-ghost">
              {t("graduates.applications.withdrawNo")}
            </Link>
          </Form>
        </section>
      ) : null}
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
                <th scope="col">{t("graduates.applications.appliedAt")}</th>
                <th scope="col">{t("jobs.col.status")}</th>
                <th scope="col">{t("graduates.applications.diplomas")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("graduates.applications.actions")}</span>
                </th>
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
                    <DateTime value={a.createdAt} />
                  </td>
                  <td>
                    <span className={`status-badge application-${a.status}`}>
                      {t(APPLICATION_STATUS_LABELS[a.status])}
                    </span>
                  </td>
                  <td>{a.diplomas}</td>
                  <td>
                    {canWithdraw(a.status) ? (
                      <Link
                        to={`/graduate/applications?withdraw=${a.id}`}
                        aria-label={t("graduates.applications.withdrawLabel", { title: a.title })}
                      >
                        {t("graduates.applications.withdraw")}
                      </Link>
                    ) : null}
                  </td>
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
              <DateTime value={n.createdAt} /> ·{" "}
              {translateLabel(t, NOTIFICATION_LABELS, n.kind, {
                title: n.title,
                company: n.company || "—",
                name: n.name,
                status: n.status ? translateLabel(t, APPLICATION_STATUS_LABELS, n.status) : "",
              })}{" "}
              {n.jobId ? <Link to={`/jobs/${n.jobId}`}>{t("graduates.notifications.open")}</Link> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
