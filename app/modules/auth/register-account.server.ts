import { and, eq } from "drizzle-orm";
import { organisations, roleAssignments, users } from "../../../db/schema";
import { isUniqueViolation, type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { enqueueMail } from "~/modules/mail/enqueue-mail.server";
import { hashPassword } from "./password.server";
import type { SignUpInput } from "./schema";
import { issueUserToken } from "./user-tokens.server";

export interface RegisterAccountOptions {
  input: SignUpInput;
  locale: "vi" | "en";
  publicOrigin: string;
  actor: AuditActor;
}

export type RegisterAccountError = "email_taken" | "org_code_taken";

/**
 * Signs a person up. A school or employer sign-up also creates the organisation, pending the ministry's
 * approval, with the person as its first administrator. One transaction: the user, organisation, role,
 * confirmation token, outbox mail and audit row are written together or not at all.
 */
export const registerAccount = withDefaultDb(async function registerAccount(
  db: Database,
  options: RegisterAccountOptions,
): Promise<Result<{ userId: string }, RegisterAccountError>> {
  const { input } = options;
  const passwordHash = await hashPassword(input.password);

  try {
    return await insertAccount(db, options, passwordHash);
  } catch (error) {
    // Two sign-ups racing for the same e-mail or code: the unique index decides, the loser gets the message.
    if (isUniqueViolation(error, "users_email_unique")) return fail("email_taken", { email: "auth.error.email_taken" });
    if (isUniqueViolation(error, "organisations_kind_code_unique")) {
      return fail("org_code_taken", {
        [input.accountType === "school" ? "schoolCode" : "taxCode"]: "auth.error.org_code_taken",
      });
    }
    throw error;
  }
});

async function insertAccount(
  db: Database,
  options: RegisterAccountOptions,
  passwordHash: string,
): Promise<Result<{ userId: string }, RegisterAccountError>> {
  const { input } = options;
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (existing.length > 0) return fail("email_taken", { email: "auth.error.email_taken" });

    let organisationId: string | null = null;
    if (input.accountType !== "graduate") {
      const code = input.accountType === "school" ? input.schoolCode : input.taxCode;
      const taken = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.kind, input.accountType), eq(organisations.code, code)))
        .limit(1);
      const field = input.accountType === "school" ? "schoolCode" : "taxCode";
      if (taken.length > 0) return fail("org_code_taken", { [field]: "auth.error.org_code_taken" });
      const [org] = await tx
        .insert(organisations)
        .values({
          kind: input.accountType,
          code,
          name: input.orgName,
          provinceCode: input.provinceCode,
          schoolType: input.accountType === "school" ? input.schoolType : null,
          contactPhone: input.contactPhone,
          website: input.website,
          registrationDocument: input.registrationDocument,
        })
        .returning({ id: organisations.id });
      organisationId = org!.id;
    }

    const [user] = await tx
      .insert(users)
      .values({ email: input.email, fullName: input.fullName, passwordHash, locale: options.locale })
      .returning({ id: users.id });
    const userId = user!.id;
    const role =
      input.accountType === "graduate"
        ? "graduate"
        : input.accountType === "school"
          ? "school_admin"
          : "employer_member";
    await tx.insert(roleAssignments).values({ userId, role, organisationId, createdBy: userId });

    const token = await issueUserToken(tx, userId, "confirm_email");
    await enqueueMail(tx, {
      to: input.email,
      locale: options.locale,
      template: {
        name: "confirm_email",
        params: { fullName: input.fullName, link: `${options.publicOrigin}/confirm-email?token=${token}` },
      },
    });
    const actor = { ...options.actor, userId };
    await recordAudit(tx, actor, {
      action: "user.sign-up",
      entityType: "user",
      entityId: userId,
      details: { accountType: input.accountType },
    });
    if (organisationId) {
      await recordAudit(tx, actor, {
        action: "organisation.register",
        entityType: "organisation",
        entityId: organisationId,
        organisationId,
        details: { kind: input.accountType },
      });
    }
    return ok({ userId });
  });
}
