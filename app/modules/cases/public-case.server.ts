/**
 * The public status lookup by code (/cases/{code}, GET /api/v1/cases/{code}): what anyone holding a case's code may
 * see. No personal data: never the submitter's name, e-mail or phone, never the request's text, never the internal
 * notes or who acted (the timeline names roles). Reads the replicas (getReadDb) when the caller passes them.
 */
import { and, asc, eq } from "drizzle-orm";
import { caseEvents, cases, organisations, type CaseKind, type CaseStatus } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import type { CaseActorRole } from "./case-transitions";
import { deadlineState, vnDayOf } from "./working-days";

export interface PublicTimelineEvent {
  id: number;
  at: string;
  type: string;
  actorRole: CaseActorRole;
  toStatus: CaseStatus | null;
  note: string | null;
}

export interface PublicCase {
  code: string;
  kind: CaseKind;
  status: CaseStatus;
  /** The handling organisation's name; null: the ministry. */
  organisation: { code: string; name: string } | null;
  receivedAt: string;
  dueOn: string | null;
  deadline: ReturnType<typeof deadlineState>;
  escalated: boolean;
  closedAt: string | null;
  outcome: string | null;
  outcomeNote: string | null;
  /** The signed result or reply, public at /documents/{id}. */
  resultDocumentId: string | null;
  timeline: PublicTimelineEvent[];
}

/**
 * The public view of the case with this (normalised) code, or null. `viewerUserId`: the signed-in viewer, to say
 * whether they sent it (a link to their own page), without revealing who did.
 */
export async function findPublicCase(
  db: Executor,
  code: string,
  options: { viewerUserId?: string | null; now?: Date } = {},
): Promise<{ case: PublicCase; viewerIsSubmitter: boolean } | null> {
  const [row] = await db
    .select({
      id: cases.id,
      code: cases.code,
      kind: cases.kind,
      status: cases.status,
      submitterUserId: cases.submitterUserId,
      orgCode: organisations.code,
      orgName: organisations.name,
      receivedAt: cases.receivedAt,
      dueOn: cases.dueOn,
      pausedAt: cases.pausedAt,
      escalatedAt: cases.escalatedAt,
      closedAt: cases.closedAt,
      outcome: cases.outcome,
      outcomeNote: cases.outcomeNote,
      resultDocumentId: cases.resultDocumentId,
    })
    .from(cases)
    .leftJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(eq(cases.code, code))
    .limit(1);
  if (!row) return null;
  const events = await db
    .select({
      id: caseEvents.id,
      at: caseEvents.at,
      type: caseEvents.type,
      actorRole: caseEvents.actorRole,
      toStatus: caseEvents.toStatus,
      note: caseEvents.publicNote,
    })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, row.id)))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
  const open = row.closedAt === null;
  const today = vnDayOf(options.now ?? new Date());
  return {
    case: {
      code: row.code,
      kind: row.kind,
      status: row.status,
      organisation: row.orgCode && row.orgName ? { code: row.orgCode, name: row.orgName } : null,
      receivedAt: row.receivedAt.toISOString(),
      dueOn: row.dueOn,
      deadline: open ? deadlineState(row.dueOn, today, row.pausedAt !== null) : "none",
      escalated: row.escalatedAt !== null,
      closedAt: row.closedAt?.toISOString() ?? null,
      outcome: row.outcome,
      outcomeNote: row.outcomeNote,
      resultDocumentId: row.resultDocumentId,
      timeline: events.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        type: e.type,
        actorRole: e.actorRole as CaseActorRole,
        toStatus: e.toStatus,
        note: e.note,
      })),
    },
    viewerIsSubmitter: Boolean(options.viewerUserId && row.submitterUserId === options.viewerUserId),
  };
}

/** The QR code of a case's public page (printed on receipts and mail), as an SVG data URI. */
export async function casePageQrDataUri(url: string): Promise<string> {
  const { default: QRCode } = await import("qrcode");
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The public JSON of a case (GET /api/v1/cases/{code}, docs in the OpenAPI document). */
export function publicCaseJson(kase: PublicCase) {
  return {
    code: kase.code,
    kind: kase.kind,
    status: kase.status,
    organisation: kase.organisation,
    receivedAt: kase.receivedAt,
    dueOn: kase.dueOn,
    deadline: kase.deadline,
    escalated: kase.escalated,
    closedAt: kase.closedAt,
    outcome: kase.outcome,
    outcomeNote: kase.outcomeNote,
    resultDocumentId: kase.resultDocumentId,
    timeline: kase.timeline.map((e) => ({ at: e.at, type: e.type, toStatus: e.toStatus, note: e.note })),
  };
}
