import type { Executor } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { createSigningKey } from "./create-signing-key.server";
import { getKeyRing, type KeyRing } from "./key-encryption.server";
import { findActiveKey, lockSchool, retireKey, type PublishedKey } from "./queries.server";

export interface RotateSchoolKeyOptions {
  organisationId: string;
  /** A school administrator of that school (the route's guard checked "school:manage-keys" there). */
  actor: AuditActor & { userId: string };
  ring?: KeyRing;
}

export type RotateSchoolKeyError = "not_found" | "not_accredited";

/**
 * A new key becomes the school's active key; the old one is retired at the same instant. The retired key stays
 * published (DID document, trust registry), so what it signed before stays verifiable. One transaction, with
 * the school's row locked: two administrators rotating at once get two successive rotations, never two active keys.
 */
export async function rotateSchoolKey(
  db: Executor,
  options: RotateSchoolKeyOptions,
): Promise<Result<{ active: PublishedKey; retired: PublishedKey | null }, RotateSchoolKeyError>> {
  return db.transaction(async (tx) => {
    const school = await lockSchool(tx, options.organisationId);
    if (!school) return fail("not_found");
    if (school.status !== "accredited") return fail("not_accredited");
    const now = new Date();
    const current = await findActiveKey(tx, school.id);
    let retired: PublishedKey | null = null;
    if (current && (await retireKey(tx, { organisationId: school.id, keyId: current.id, at: now }))) {
      retired = { ...current, status: "retired", retiredAt: now };
    }
    const active = await createSigningKey(tx, {
      organisationId: school.id,
      reason: "rotation",
      actor: options.actor,
      ring: options.ring ?? getKeyRing(),
      at: now,
    });
    await recordAudit(tx, options.actor, {
      action: "signing-key.rotate",
      entityType: "signing_key",
      entityId: active.id,
      organisationId: school.id,
      details: { activeKeyRef: active.keyRef, retiredKeyRef: retired?.keyRef ?? null },
    });
    return ok({ active, retired });
  });
}
