/**
 * The export of cases for a national one-stop system (docs/case-export.md): one page of cases received in a period,
 * oldest first, keyset-paged on (received_at, id). Personal data: the submitter's name and contact only for kinds
 * that require a known applicant (online diploma services, identity "account"); never for feedback, petitions or
 * fake reports, never the request's text or title, never internal notes.
 */
import { and, asc, eq, gt, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { cases, organisations } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { kindRule } from "./case-kinds";
import { encodeCursor, EXPORT_FORMAT, type CaseExportQuery } from "./export-schema";
import { addDays } from "./working-days";

/** Midnight in Vietnam (UTC+7, no daylight saving) at the start of `day`. */
function vnMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

export async function exportCases(db: Executor, query: CaseExportQuery, origin: string) {
  const conditions: SQL[] = [
    gte(cases.receivedAt, vnMidnight(query.from)),
    lt(cases.receivedAt, vnMidnight(addDays(query.to, 1))),
  ];
  if (query.kind) conditions.push(eq(cases.kind, query.kind));
  if (query.cursor) {
    // The cursor keeps the microseconds PostgreSQL stores (a JavaScript Date would round them away).
    const at = sql`${query.cursor.receivedAt}::timestamptz`;
    conditions.push(
      or(sql`${cases.receivedAt} > ${at}`, and(sql`${cases.receivedAt} = ${at}`, gt(cases.id, query.cursor.id)))!,
    );
  }
  const rows = await db
    .select({
      id: cases.id,
      code: cases.code,
      kind: cases.kind,
      status: cases.status,
      orgCode: organisations.code,
      orgName: organisations.name,
      department: cases.department,
      topic: cases.topic,
      assemblySession: cases.assemblySession,
      anonymous: cases.anonymous,
      submitterName: cases.submitterName,
      submitterEmail: cases.submitterEmail,
      submitterPhone: cases.submitterPhone,
      submitterCapacity: cases.submitterCapacity,
      details: cases.details,
      receivedAt: cases.receivedAt,
      cursorAt: sql<string>`to_char(${cases.receivedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      dueOn: cases.dueOn,
      pausedAt: cases.pausedAt,
      escalatedAt: cases.escalatedAt,
      closedAt: cases.closedAt,
      closedLate: cases.closedLate,
      outcome: cases.outcome,
      outcomeNote: cases.outcomeNote,
      resultDocumentId: cases.resultDocumentId,
      rating: cases.rating,
      ratedAt: cases.ratedAt,
    })
    .from(cases)
    .leftJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(and(...conditions))
    .orderBy(asc(cases.receivedAt), asc(cases.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    format: EXPORT_FORMAT,
    generatedAt: new Date().toISOString(),
    from: query.from,
    to: query.to,
    kind: query.kind ?? null,
    cases: page.map((r) => {
      const rule = kindRule(r.kind);
      const fee = Number(r.details.feeVnd);
      return {
        code: r.code,
        kind: r.kind,
        family: rule.family,
        status: r.status,
        handler: r.orgCode
          ? { type: "school", code: r.orgCode, name: r.orgName }
          : { type: "ministry", code: null, name: null },
        department: r.department,
        topic: r.topic,
        assemblySession: r.assemblySession,
        submitter:
          rule.identity === "account"
            ? {
                name: r.submitterName,
                email: r.submitterEmail,
                phone: r.submitterPhone,
                capacity: r.submitterCapacity,
              }
            : null,
        anonymous: r.anonymous,
        feeVnd: Number.isFinite(fee) ? fee : 0,
        receivedAt: r.receivedAt.toISOString(),
        dueOn: r.dueOn,
        paused: r.pausedAt !== null,
        escalatedAt: r.escalatedAt?.toISOString() ?? null,
        closedAt: r.closedAt?.toISOString() ?? null,
        closedLate: r.closedLate,
        outcome: r.outcome,
        outcomeNote: r.outcomeNote,
        resultDocumentUrl: r.resultDocumentId ? `${origin}/documents/${r.resultDocumentId}` : null,
        rating: r.rating,
        ratedAt: r.ratedAt?.toISOString() ?? null,
        publicUrl: `${origin}/cases/${encodeURIComponent(r.code)}`,
      };
    }),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ receivedAt: last.cursorAt, id: last.id }) : null,
  };
}
