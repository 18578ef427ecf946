import { eq, inArray } from "drizzle-orm";
import { organisations, roleAssignments, users } from "../../../db/schema";
import type { Database } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { hashPassword } from "~/modules/auth/password.server";
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD } from "~/modules/demo/demo-accounts";
import { seedDemoCases } from "~/modules/demo/demo-cases.server";
import { seedDemoFeedback } from "~/modules/demo/demo-feedback.server";

/**
 * Creates the demo data set where it is missing: the ministry administrator, two accredited schools with
 * their staff, one accredited employer and three graduates. Idempotent: a second run changes nothing.
 */
export async function seedDemoData(db: Database): Promise<{ created: boolean }> {
  const accounts = await seedDemoAccounts(db);
  // The demo cases of issue 12 (their own check keeps them from being added twice).
  await seedDemoCases(db);
  return accounts;
}

async function seedDemoAccounts(db: Database): Promise<{ created: boolean }> {
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const present = await db.select({ email: users.email }).from(users).where(inArray(users.email, emails));
  const presentOrgs = await db
    .select({ code: organisations.code })
    .from(organisations)
    .where(
      inArray(
        organisations.code,
        DEMO_ORGANISATIONS.map((o) => o.code),
      ),
    );
  if (present.length === emails.length && presentOrgs.length === DEMO_ORGANISATIONS.length) {
    // The demo Q&A library came later than the accounts: seeded where it is missing.
    await seedDemoFeedback(db);
    return { created: false };
  }

  // One hash for every demo account: they share the published demo password anyway, and seeding stays fast.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const now = new Date();
    await tx
      .insert(users)
      .values(DEMO_ACCOUNTS.map((a) => ({ email: a.email, fullName: a.fullName, passwordHash, emailVerifiedAt: now })))
      .onConflictDoNothing();
    const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ACCOUNTS[0]!.email));
    await tx
      .insert(organisations)
      .values(
        DEMO_ORGANISATIONS.map((o) => ({
          kind: o.kind,
          code: o.code,
          name: o.name,
          nameEn: o.nameEn,
          provinceCode: o.provinceCode,
          schoolType: o.schoolType ?? null,
          status: "accredited" as const,
          statusChangedAt: now,
          statusChangedBy: admin!.id,
        })),
      )
      .onConflictDoNothing();

    const userRows = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, emails));
    const orgRows = await tx
      .select({ id: organisations.id, code: organisations.code, kind: organisations.kind })
      .from(organisations)
      .where(
        inArray(
          organisations.code,
          DEMO_ORGANISATIONS.map((o) => o.code),
        ),
      );
    const userId = new Map(userRows.map((u) => [u.email, u.id]));
    const orgId = new Map(orgRows.map((o) => [o.code, o.id]));
    await tx
      .insert(roleAssignments)
      .values(
        DEMO_ACCOUNTS.map((a) => ({
          userId: userId.get(a.email)!,
          role: a.role,
          organisationId: a.organisationCode ? orgId.get(a.organisationCode)! : null,
          createdBy: admin!.id,
        })),
      )
      .onConflictDoNothing();
    await recordAudit(
      tx,
      { userId: admin!.id, ip: null },
      { action: "demo.seed", entityType: "system", details: { accounts: emails.length } },
    );
  });
  logger.info("demo data seeded", { accounts: DEMO_ACCOUNTS.length, organisations: DEMO_ORGANISATIONS.length });
  // Questions answered and published in the Q&A library (signed with the ministry's and a school's key).
  await seedDemoFeedback(db);
  return { created: true };
}
