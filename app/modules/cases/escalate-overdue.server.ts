/**
 * Overdue cases escalate to the handling organisation's head (the school's principal, or the ministry's
 * administrators): every open case not waiting for its submitter whose due day is before today (Vietnam) and that
 * has not been escalated yet, one moveCase("escalate") each, which writes the timeline event and audit row and
 * tells the heads by mail and in the app. Run by the housekeeping job; counted (vanbang_cases_escalated_total).
 */
import { and, asc, inArray, isNull, lt } from "drizzle-orm";
import { cases } from "../../../db/schema";
import type { Database } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import { countEscalations } from "~/lib/metrics.server";
import { moveCase } from "./move-case.server";
import { vnDayOf } from "./working-days";

/** At most this many a run: a backlog is worked off over the next runs, without one long sweep. */
export const ESCALATIONS_PER_RUN = 500;

export async function escalateOverdueCases(
  db: Database,
  options: { origin: string; now?: Date },
): Promise<{ escalated: number; skipped: number }> {
  const now = options.now ?? new Date();
  const today = vnDayOf(now);
  const due = await db
    .select({ id: cases.id, code: cases.code })
    .from(cases)
    .where(
      and(
        inArray(cases.status, ["received", "in_progress"]),
        isNull(cases.pausedAt),
        isNull(cases.escalatedAt),
        lt(cases.dueOn, today),
      ),
    )
    .orderBy(asc(cases.dueOn))
    .limit(ESCALATIONS_PER_RUN);
  let escalated = 0;
  let skipped = 0;
  for (const kase of due) {
    // Each in its own transaction: a case moved on meanwhile (closed, paused) is refused by the state machine.
    const moved = await moveCase(db, {
      caseId: kase.id,
      action: "escalate",
      actor: { userId: null, ip: null, role: "system" },
      scope: { kind: "system" },
      origin: options.origin,
      now,
    });
    if (moved.ok) escalated++;
    else skipped++;
  }
  countEscalations(escalated);
  if (due.length > 0) logger.info("overdue cases escalated", { escalated, skipped, today });
  return { escalated, skipped };
}
