import { eq } from "drizzle-orm";
import { organisations, roleAssignments, users } from "../../../db/schema";
import { isUniqueViolation, type Database, type Transaction } from "~/lib/db.server";
import { translate, type Locale } from "~/lib/i18n";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { issueUserToken } from "~/modules/auth/user-tokens.server";
import { enqueueMail } from "~/modules/mail/enqueue-mail.server";
import { isMemberRole, type InviteMemberInput } from "./schema";
import { ROLE_LABELS } from "./labels";

export interface InviteMemberOptions {
  /** The organisation the route's guard resolved from the signed-in admin's own roles: never from the form. */
  organisationId: string;
  input: Pick<InviteMemberInput, "email" | "fullName" | "role">;
  /** The language of the invitation mail, and of the new account. */
  locale: Locale;
  publicOrigin: string;
  actor: AuditActor & { userId: string };
}

export type InviteMemberError = "not_found" | "role_not_allowed" | "already_member";

/**
 * An organisation's administrator adds a member. Someone who already has an account is granted the role;
 * anyone else gets an account without a password and an invitation mail whose link sets the first one. An existing
 * account is told of its new role by mail.
 * One transaction: user, role, token, outbox mail and audit row together or not at all.
 */
export async function inviteMember(
  db: Database,
  options: InviteMemberOptions,
): Promise<Result<{ userId: string; invited: boolean }, InviteMemberError>> {
  try {
    return await db.transaction((tx) => addMember(tx, options));
  } catch (error) {
    // Two invitations of one new address racing: the loser retries and finds the account the winner created.
    if (isUniqueViolation(error, "users_email_unique")) return db.transaction((tx) => addMember(tx, options));
    throw error;
  }
}

async function addMember(
  tx: Transaction,
  options: InviteMemberOptions,
): Promise<Result<{ userId: string; invited: boolean }, InviteMemberError>> {
  const { input, organisationId } = options;
  // Locking the organisation serialises its member changes (see remove-member-role.server.ts).
  const [organisation] = await tx
    .select({ kind: organisations.kind, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .for("update");
  if (!organisation) return fail("not_found");
  if (!isMemberRole(organisation.kind, input.role)) return fail("role_not_allowed", { role: "members.error.role" });

  const [existing] = await tx
    .select({ id: users.id, fullName: users.fullName, locale: users.locale })
    .from(users)
    .where(eq(users.email, input.email))
    .limit(1);

  if (existing) {
    const granted = await tx
      .insert(roleAssignments)
      .values({ userId: existing.id, role: input.role, organisationId, createdBy: options.actor.userId })
      .onConflictDoNothing()
      .returning({ id: roleAssignments.id });
    if (granted.length === 0) return fail("already_member", { email: "members.error.already_member" });
    // They learn of it by mail, in their own language, with their own name (not the one typed in the form).
    const locale = existing.locale === "en" ? "en" : "vi";
    await enqueueMail(tx, {
      to: input.email,
      locale,
      template: {
        name: "role_granted",
        params: {
          fullName: existing.fullName,
          link: `${options.publicOrigin}/sign-in`,
          organisation: organisation.name,
          role: translate(locale, ROLE_LABELS[input.role]),
        },
      },
    });
    await recordAudit(tx, options.actor, {
      action: "member.grant-role",
      entityType: "user",
      entityId: existing.id,
      organisationId,
      details: { email: input.email, role: input.role },
    });
    return ok({ userId: existing.id, invited: false });
  }

  const [user] = await tx
    .insert(users)
    .values({ email: input.email, fullName: input.fullName, passwordHash: null, locale: options.locale })
    .returning({ id: users.id });
  const userId = user!.id;
  await tx
    .insert(roleAssignments)
    .values({ userId, role: input.role, organisationId, createdBy: options.actor.userId });
  const token = await issueUserToken(tx, userId, "invitation");
  await enqueueMail(tx, {
    to: input.email,
    locale: options.locale,
    template: {
      name: "invitation",
      params: {
        fullName: input.fullName,
        link: `${options.publicOrigin}/reset-password?token=${token}`,
        organisation: organisation.name,
        role: translate(options.locale, ROLE_LABELS[input.role]),
      },
    },
  });
  await recordAudit(tx, options.actor, {
    action: "member.invite",
    entityType: "user",
    entityId: userId,
    organisationId,
    details: { email: input.email, role: input.role },
  });
  return ok({ userId, invited: true });
}
