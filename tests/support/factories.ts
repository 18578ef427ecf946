/** Test data written straight to the database (no UI), for integration tests. */
import { organisations, roleAssignments, users, type OrganisationKind, type Role } from "../../db/schema";
import type { Executor } from "~/lib/db.server";
import { hashPassword } from "~/modules/auth/password.server";

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;
let sequence = 0;

export async function createOrganisation(
  db: Executor,
  options: {
    kind: OrganisationKind;
    code?: string;
    name?: string;
    status?: "pending" | "accredited" | "rejected" | "suspended";
  },
) {
  const n = ++sequence;
  const code = options.code ?? (options.kind === "school" ? `SCH${n}` : String(1000000000 + n));
  const [row] = await db
    .insert(organisations)
    .values({
      kind: options.kind,
      code,
      name: options.name ?? `${options.kind === "school" ? "Trường" : "Công ty"} thử nghiệm ${n}`,
      provinceCode: "01",
      schoolType: options.kind === "school" ? "cao_dang" : null,
      status: options.status ?? "accredited",
    })
    .returning();
  return row!;
}

export async function createUser(
  db: Executor,
  options: {
    email?: string;
    fullName?: string;
    roles?: { role: Role; organisationId?: string | null }[];
    verified?: boolean;
  } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const n = ++sequence;
  const [user] = await db
    .insert(users)
    .values({
      email: options.email ?? `user${n}.${process.pid}@example.vn`,
      fullName: options.fullName ?? `Người dùng ${n}`,
      passwordHash: await passwordHash,
      emailVerifiedAt: options.verified === false ? null : new Date(),
    })
    .returning();
  for (const grant of options.roles ?? []) {
    await db
      .insert(roleAssignments)
      .values({ userId: user!.id, role: grant.role, organisationId: grant.organisationId ?? null });
  }
  return user!;
}
