/**
 * Every signed-in person's in-app notices (table notifications): the case core's (kind "case": a message key of the
 * cases catalogue, the case's code and a link) and the jobs' (job alerts, invitations, application moves). The list
 * and "mark all read" are the jobs module's; this adds the header's unread count and the notices' shape for /notifications.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { notifications } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { isMessageKey, type MessageKey } from "~/lib/i18n";
import { isApplicationStatus } from "~/modules/jobs/codes";
import { listNotifications } from "~/modules/jobs/saved-searches.server";

/** The header shows "9+" past this: the count stops there, so it stays cheap for someone who never reads them. */
export const UNREAD_COUNT_CAP = 10;

export async function countUnreadNotifications(db: Executor, userId: string): Promise<number> {
  const capped = db
    .select({ one: sql`1` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .limit(UNREAD_COUNT_CAP)
    .as("capped");
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
  return Number(row?.n ?? 0);
}

export type NoticeView =
  | {
      id: number;
      kind: "case";
      messageKey: MessageKey;
      code: string;
      link: string | null;
      unread: boolean;
      createdAt: string;
    }
  | {
      id: number;
      kind: "job";
      jobKind: string;
      jobId: string | null;
      title: string;
      company: string;
      name: string;
      status: string | null;
      unread: boolean;
      createdAt: string;
    };

/** A link kept in a notice, when it is a path of this site (never another origin). */
function sitePath(value: unknown): string | null {
  return typeof value === "string" && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : null;
}

/** The person's latest notices, newest first, as the page shows them (unknown message keys are left out). */
export async function listNoticeViews(db: Executor, userId: string, limit = 50): Promise<NoticeView[]> {
  const rows = await listNotifications(db, userId, limit);
  const views: NoticeView[] = [];
  for (const n of rows) {
    const details = (n.details ?? {}) as Record<string, unknown>;
    const base = { id: n.id, unread: n.readAt === null, createdAt: n.createdAt.toISOString() };
    if (n.kind === "case") {
      const key = String(details.messageKey ?? "");
      if (!key.startsWith("notifications.case.") || !isMessageKey(key)) continue;
      views.push({
        ...base,
        kind: "case",
        messageKey: key,
        code: String(details.code ?? ""),
        link: sitePath(details.link),
      });
    } else {
      views.push({
        ...base,
        kind: "job",
        jobKind: n.kind,
        jobId: n.jobId,
        title: String(details.title ?? ""),
        company: String(details.company ?? ""),
        name: String(details.name ?? ""),
        status: isApplicationStatus(details.status) ? details.status : null,
      });
    }
  }
  return views;
}
