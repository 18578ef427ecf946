/**
 * An officer's queue: the open cases of one handler (a school, or the ministry when organisationId is null) that are
 * overdue or due today, overdue first, oldest due day first. Cases waiting for the submitter are left out: their
 * clock is paused (working-days.ts, deadlineState). Read through the partial index cases_queue_idx
 * (organisation_id, due_on) where status is open, so it stays a short range scan however many cases are closed.
 *
 * Minimal version written for bench:cases (case-stats branch); the cases-ui helper's queue pages may replace it.
 */
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { cases } from "../../../db/schema";
import type { CaseKind, CaseStatus } from "../../../db/schema/cases";
import type { Executor } from "~/lib/db.server";
import { OPEN_STATUSES } from "./case-transitions";

export interface QueueCase {
  id: string;
  code: string;
  kind: CaseKind;
  status: CaseStatus;
  title: string;
  dueOn: string;
  receivedAt: Date;
  assigneeUserId: string | null;
  escalatedAt: Date | null;
}

export interface ListOfficerQueueOptions {
  /** The handling school; null = the ministry. */
  organisationId: string | null;
  /** The Vietnam calendar day (vietnamDate()). */
  today: string;
  limit?: number;
}

export async function listOfficerQueue(
  db: Executor,
  options: ListOfficerQueueOptions,
): Promise<{ overdue: QueueCase[]; dueToday: QueueCase[] }> {
  const rows = await db
    .select({
      id: cases.id,
      code: cases.code,
      kind: cases.kind,
      status: cases.status,
      title: cases.title,
      dueOn: sql<string>`${cases.dueOn}`,
      receivedAt: cases.receivedAt,
      assigneeUserId: cases.assigneeUserId,
      escalatedAt: cases.escalatedAt,
    })
    .from(cases)
    .where(
      and(
        options.organisationId === null
          ? isNull(cases.organisationId)
          : eq(cases.organisationId, options.organisationId),
        // The partial index's own predicate, so the planner can use it.
        inArray(cases.status, [...OPEN_STATUSES]),
        lte(cases.dueOn, options.today),
        isNull(cases.pausedAt),
      ),
    )
    .orderBy(asc(cases.dueOn), asc(cases.receivedAt))
    .limit(options.limit ?? 100);
  return {
    overdue: rows.filter((r) => r.dueOn < options.today),
    dueToday: rows.filter((r) => r.dueOn === options.today),
  };
}
