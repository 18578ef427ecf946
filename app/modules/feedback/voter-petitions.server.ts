/**
 * Voters' petitions: entered by the ministry from the National Assembly's letter (kind voter_petition, identity
 * "staff"), with the letter attached in the same transaction, and listed for the per-session report.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { cases, type Case } from "../../../db/schema";
import type { Database, Executor } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import type { AuditActor } from "~/modules/audit/record-audit.server";
import type { AttachmentProblem } from "~/modules/cases/attachment-rules";
import { saveAttachments } from "~/modules/cases/attachments.server";
import { openCase, type OpenCaseError } from "~/modules/cases/open-case.server";
import type { VoterPetitionInput } from "./schema";
import type { VoterPetitionRow } from "./voter-petition-report";

class Refused extends Error {
  constructor(
    readonly code: OpenCaseError | AttachmentProblem,
    readonly fileName?: string,
  ) {
    super(code);
  }
}

export async function enterVoterPetition(
  db: Database,
  options: {
    input: VoterPetitionInput;
    files: readonly { name: string; bytes: Uint8Array }[];
    actor: AuditActor;
    origin: string;
  },
): Promise<Result<Case, OpenCaseError | AttachmentProblem> & { fileName?: string }> {
  const { input } = options;
  try {
    const kase = await db.transaction(async (tx) => {
      const opened = await openCase(tx, {
        kind: "voter_petition",
        submitter: { userId: null, name: input.deputy, capacity: "deputy" },
        organisationId: null,
        topic: input.topic,
        title: input.title,
        body: input.body,
        assemblySession: input.session,
        details: { deputy: input.deputy, province: input.province, sessionOpensOn: input.sessionOpensOn },
        actor: options.actor,
        actorIsStaff: true,
        origin: options.origin,
      });
      if (!opened.ok) throw new Refused(opened.code);
      const saved = await saveAttachments(tx, {
        caseId: opened.value.id,
        purpose: "other",
        files: options.files,
        uploadedBy: options.actor.userId,
      });
      if (!saved.ok) throw new Refused(saved.code, saved.fileName);
      return opened.value;
    });
    return ok(kase);
  } catch (error) {
    if (error instanceof Refused) return { ...fail(error.code), fileName: error.fileName };
    throw error;
  }
}

/** Every voters' petition, newest first, with the day it was answered (Vietnam time). */
export async function listVoterPetitions(db: Executor): Promise<VoterPetitionRow[]> {
  // A resolved case's closed_at is the moment it was answered.
  const answeredOn = sql<string | null>`to_char(${cases.closedAt} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      code: cases.code,
      session: cases.assemblySession,
      sessionOpensOn: sql<string | null>`${cases.details}->>'sessionOpensOn'`,
      deputy: sql<string>`coalesce(${cases.details}->>'deputy', '')`,
      province: sql<string>`coalesce(${cases.details}->>'province', '')`,
      title: cases.title,
      status: cases.status,
      receivedOn: sql<string>`to_char(${cases.receivedAt} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`,
      answeredOn,
    })
    .from(cases)
    .where(and(eq(cases.kind, "voter_petition")))
    .orderBy(desc(cases.receivedAt))
    .limit(5000);
  return rows.map((r) => ({ ...r, answeredOn: r.status === "resolved" ? r.answeredOn : null }));
}

/** The sessions already entered, with their opening day, to pre-fill the form. */
export async function knownSessions(db: Executor): Promise<{ session: string; opensOn: string | null }[]> {
  return db
    .select({
      session: sql<string>`${cases.assemblySession}`,
      opensOn: sql<string | null>`max(${cases.details}->>'sessionOpensOn')`,
    })
    .from(cases)
    .where(and(eq(cases.kind, "voter_petition"), sql`${cases.assemblySession} is not null`))
    .groupBy(cases.assemblySession)
    .orderBy(desc(sql`max(${cases.details}->>'sessionOpensOn')`));
}
