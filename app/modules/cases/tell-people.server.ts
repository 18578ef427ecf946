/**
 * Everyone is told: the submitter by mail (the account's address, or the one given on the form) and, with an
 * account, in the app; the handling staff in the app. Written in the transition's transaction: the outbox and the
 * notifications commit with it, and mail leaves after commit (the outbox's dispatcher).
 */
import type { Case, CaseNews } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { enqueueMail } from "~/modules/mail/enqueue-mail.server";
import { findUserContact, handlerStaff, insertCaseNotices } from "./queries.server";

/** The page where the submitter follows a case: the public lookup by code (no personal data on it). */
export function caseLink(origin: string, code: string): string {
  return `${origin}/cases/${encodeURIComponent(code)}`;
}

/** The staff's page of a case. */
export function staffCaseLink(code: string): string {
  return `/cases/${encodeURIComponent(code)}/handle`;
}

export type { CaseNews };

/** Tells the submitter what happened to their case. */
export async function tellSubmitter(
  tx: Executor,
  kase: Case,
  news: CaseNews,
  options: { origin: string; note: string | null },
): Promise<void> {
  const account = kase.submitterUserId ? await findUserContact(tx, kase.submitterUserId) : null;
  const to = kase.submitterEmail ?? account?.email ?? null;
  if (kase.submitterUserId) {
    await insertCaseNotices(tx, [
      {
        userId: kase.submitterUserId,
        messageKey: `notifications.case.${news}`,
        code: kase.code,
        link: `/cases/${encodeURIComponent(kase.code)}`,
        caseId: kase.id,
      },
    ]);
  }
  if (!to) return;
  await enqueueMail(tx, {
    to,
    locale: account?.locale === "en" ? "en" : "vi",
    recipientUserId: kase.submitterUserId ?? undefined,
    template: {
      name: "case_update",
      params: {
        code: kase.code,
        kind: kase.kind,
        news,
        status: kase.status,
        note: options.note ?? "",
        dueOn: kase.dueOn ?? "",
        link: caseLink(options.origin, kase.code),
      },
    },
  });
}

/**
 * Tells the handling staff (in the app; mail too when `mail` is set, as for an escalation): every officer of the
 * organisation, or only its heads.
 */
export async function tellStaff(
  tx: Executor,
  kase: Case,
  news: CaseNews,
  options: { origin: string; heads?: boolean; mail?: boolean; exceptUserId?: string | null },
): Promise<number> {
  const staff = (await handlerStaff(tx, kase.organisationId, { heads: options.heads })).filter(
    (s) => s.userId !== options.exceptUserId,
  );
  await insertCaseNotices(
    tx,
    staff.map((s) => ({
      userId: s.userId,
      messageKey: `notifications.case.staff_${news}`,
      code: kase.code,
      link: staffCaseLink(kase.code),
      caseId: kase.id,
    })),
  );
  if (options.mail) {
    for (const s of staff) {
      await enqueueMail(tx, {
        to: s.email,
        locale: s.locale === "en" ? "en" : "vi",
        recipientUserId: s.userId,
        template: {
          name: "case_staff_alert",
          params: {
            fullName: s.fullName,
            code: kase.code,
            kind: kase.kind,
            news,
            dueOn: kase.dueOn ?? "",
            link: `${options.origin}${staffCaseLink(kase.code)}`,
          },
        },
      });
    }
  }
  return staff.length;
}
