import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { FormAlert } from "~/components/form";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { translateLabel } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { NOTIFICATION_LABELS } from "~/modules/graduates/labels";
import { APPLICATION_STATUS_LABELS } from "~/modules/jobs/labels";
import { markNotificationsRead } from "~/modules/jobs/saved-searches.server";
import { listNoticeViews } from "~/modules/notifications/notifications.server";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "casePublic.notifications.title"),
  { name: "robots", content: "noindex" },
];

/** GET /notifications: the signed-in person's notices (cases, job alerts, invitations, application moves). */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireUser(request);
  const notices = await listNoticeViews(await getDb(), session.user.id);
  const marked = new URL(request.url).searchParams.get("marked") === "1";
  return json({ notices, marked }, { headers: { "Cache-Control": "private, no-store" } });
}

/** POST: marks every notice read. */
export async function action({ request }: ActionFunctionArgs) {
  const session = await requireUser(request);
  await markNotificationsRead(await getDb(), session.user.id);
  return redirect("/notifications?marked=1");
}

export default function Notifications() {
  const t = useT();
  const { notices, marked } = useLoaderData<typeof loader>();
  const unread = notices.filter((n) => n.unread).length;
  return (
    <div className="container narrow">
      <h1>{t("casePublic.notifications.title")}</h1>
      {marked ? <FormAlert kind="success">{t("casePublic.notifications.marked")}</FormAlert> : null}
      {unread > 0 ? (
        <Form method="post">
          <button type="submit" className="button">
            {t("casePublic.notifications.markAll")}
          </button>
        </Form>
      ) : null}
      {notices.length === 0 ? (
        <p className="muted">{t("casePublic.notifications.empty")}</p>
      ) : (
        <ul className="notifications">
          {notices.map((n) => (
            <li key={n.id} className={n.unread ? "unread" : undefined} data-unread={n.unread}>
              <DateTime value={n.createdAt} /> ·{" "}
              {n.unread ? <strong className="visually-hidden">{t("casePublic.notifications.unread")} </strong> : null}
              {n.kind === "case" ? (
                <>
                  {t(n.messageKey, { code: n.code })}{" "}
                  {n.link ? <Link to={n.link}>{t("casePublic.notifications.open")}</Link> : null}
                </>
              ) : (
                <>
                  {translateLabel(t, NOTIFICATION_LABELS, n.jobKind, {
                    title: n.title,
                    company: n.company || "—",
                    name: n.name,
                    status: n.status ? translateLabel(t, APPLICATION_STATUS_LABELS, n.status) : "",
                  })}{" "}
                  {n.jobId ? <Link to={`/jobs/${n.jobId}`}>{t("graduates.notifications.open")}</Link> : null}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
