import type { Executor } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import { fail, ok, type Result } from "~/lib/result";
import type { AuditActor } from "~/modules/audit/record-audit.server";
import { createSigningKey } from "./create-signing-key.server";
import { ensureMinistryKey } from "./ensure-ministry-key.server";
import { getKeyRing, type KeyRing } from "./key-encryption.server";
import { findActiveKey, listAccreditedSchoolsWithoutActiveKey, lockSchool, type PublishedKey } from "./queries.server";

export interface EnsureSchoolKeyOptions {
  organisationId: string;
  actor: AuditActor;
  /** Why a key may be created: recorded in the audit row. */
  reason?: "accreditation" | "backfill";
  /** The key ring to seal a new key with; the environment's by default (read only when a key is created). */
  ring?: KeyRing;
}

export type EnsureSchoolKeyError = "not_found" | "not_accredited";

/**
 * Gives an accredited school an active signing key if it has none. Idempotent. Runs in the caller's transaction
 * when given one (accreditation creates the key in the same transaction as the status change), as a savepoint.
 */
export async function ensureSchoolKey(
  db: Executor,
  options: EnsureSchoolKeyOptions,
): Promise<Result<{ key: PublishedKey; created: boolean }, EnsureSchoolKeyError>> {
  return db.transaction(async (tx) => {
    const school = await lockSchool(tx, options.organisationId);
    if (!school) return fail("not_found");
    if (school.status !== "accredited") return fail("not_accredited");
    const active = await findActiveKey(tx, school.id);
    if (active) return ok({ key: active, created: false });
    const key = await createSigningKey(tx, {
      organisationId: school.id,
      reason: options.reason ?? "accreditation",
      actor: options.actor,
      ring: options.ring ?? getKeyRing(),
    });
    return ok({ key, created: true });
  });
}

/**
 * At boot and after seeding: the ministry's key, and a key for every accredited school that has none (demo
 * schools are seeded as accredited; schools accredited before keys existed). Idempotent.
 */
export async function ensureKeysForAccreditedSchools(
  db: Executor,
  options: { ring?: KeyRing } = {},
): Promise<{ ministryKeyCreated: boolean; schoolKeysCreated: number }> {
  const actor: AuditActor = { userId: null, ip: null };
  const ministry = await ensureMinistryKey(db, { actor, ring: options.ring });
  let schoolKeysCreated = 0;
  for (const organisationId of await listAccreditedSchoolsWithoutActiveKey(db)) {
    const result = await ensureSchoolKey(db, { organisationId, actor, reason: "backfill", ring: options.ring });
    if (result.ok && result.value.created) schoolKeysCreated++;
  }
  if (ministry.created || schoolKeysCreated > 0) {
    logger.info("signing keys created", { ministry: ministry.created, schools: schoolKeysCreated });
  }
  return { ministryKeyCreated: ministry.created, schoolKeysCreated };
}
