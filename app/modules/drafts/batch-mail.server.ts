import { and, eq, isNull } from "drizzle-orm";
import { roleAssignments, users } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { enqueueMail } from "~/modules/mail/enqueue-mail.server";
import type { MailTemplate } from "~/modules/mail/templates";

/**
 * The mail of a batch's life, written to the outbox in the transaction of the change: the principals hear of a batch
 * waiting for them, and the registrar who submitted it hears when it is signed or sent back (graduates' claim codes:
 * app/modules/diplomas/claim-mail.server.ts). Staff mail goes in the person's own language with their id (so their opt-outs of
 * "school_work" apply); graduates' mail is in Vietnamese (their address comes from the class list, not an account).
 */

type StaffTemplate<N extends MailTemplate["name"]> = Extract<MailTemplate, { name: N }>["params"];

export function portalOrigin(publicOrigin?: string): string {
  return publicOrigin ?? getEnv().PUBLIC_ORIGIN;
}

async function staffMember(tx: Executor, userId: string) {
  const [row] = await tx
    .select({ id: users.id, email: users.email, fullName: users.fullName, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)))
    .limit(1);
  return row ?? null;
}

export async function userFullName(tx: Executor, userId: string): Promise<string> {
  const [row] = await tx.select({ fullName: users.fullName }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.fullName ?? "";
}

/** The batch waits for signature: every principal of the school but the person who submitted it (two-person rule). */
export async function mailPrincipalsBatchSubmitted(
  tx: Executor,
  options: { organisationId: string; submittedBy: string; params: Omit<StaffTemplate<"batch_submitted">, "fullName"> },
): Promise<number> {
  const principals = await tx
    .select({ id: users.id, email: users.email, fullName: users.fullName, locale: users.locale })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.organisationId, options.organisationId),
        eq(roleAssignments.role, "school_principal"),
        isNull(users.disabledAt),
      ),
    );
  let sent = 0;
  for (const p of principals) {
    if (p.id === options.submittedBy) continue;
    const queued = await enqueueMail(tx, {
      to: p.email,
      locale: p.locale === "en" ? "en" : "vi",
      recipientUserId: p.id,
      template: { name: "batch_submitted", params: { ...options.params, fullName: p.fullName } },
    });
    if (queued) sent++;
  }
  return sent;
}

/** Tells the registrar who submitted the batch that it was signed, withdrawn or returned. */
export async function mailSubmitter(
  tx: Executor,
  options:
    | { userId: string; template: "batch_signed"; params: Omit<StaffTemplate<"batch_signed">, "fullName"> }
    | { userId: string; template: "batch_returned"; params: Omit<StaffTemplate<"batch_returned">, "fullName"> },
): Promise<boolean> {
  const member = await staffMember(tx, options.userId);
  if (!member) return false;
  const template: MailTemplate =
    options.template === "batch_signed"
      ? { name: "batch_signed", params: { ...options.params, fullName: member.fullName } }
      : { name: "batch_returned", params: { ...options.params, fullName: member.fullName } };
  return enqueueMail(tx, {
    to: member.email,
    locale: member.locale === "en" ? "en" : "vi",
    recipientUserId: member.id,
    template,
  });
}
