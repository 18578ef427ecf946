import type { Executor } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { createSigningKey } from "./create-signing-key.server";
import { getKeyRing, type KeyRing } from "./key-encryption.server";
import { COMPROMISE_REASON_MAX_LENGTH } from "./schema";
import {
  findOwnedKey,
  listDiplomasSignedSince,
  lockSchool,
  setKeyCompromised,
  type AffectedDiploma,
  type PublishedKey,
} from "./queries.server";

/** Clock skew allowed between the administrator's browser and the server for "compromised from now". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** The audit row names at most this many affected diplomas (it always has the count). */
const AUDITED_IDS = 1000;

export interface MarkKeyCompromisedOptions {
  organisationId: string;
  keyId: string;
  /** From when the key is not to be trusted. May be in the past (a leak discovered late), not in the future. */
  compromisedFrom: Date;
  reason: string;
  actor: AuditActor & { userId: string };
  ring?: KeyRing;
  now?: Date;
}

export type MarkKeyCompromisedError =
  "not_found" | "already_compromised" | "reason_required" | "reason_too_long" | "compromised_from_in_future";

export interface MarkKeyCompromisedValue {
  key: PublishedKey;
  /** The new active key, when the compromised key was the active one and the school is accredited. */
  replacement: PublishedKey | null;
  /** The diplomas this key signed at or after `compromisedFrom`: flagged, to be reissued. */
  affected: { total: number; diplomas: AffectedDiploma[] };
}

/**
 * The school's administrator reports a key compromised from a date. The key stays published with that date (a
 * verifier rejects what it signed from then on, and only that); if it was the active key, a replacement becomes
 * active in the same transaction so that the school can reissue. The diplomas it signed at or after the date are
 * returned: they are "flagged" by that very condition (signing key compromised, signed_at ≥ compromised_from),
 * which every verifier and the reissue list derive from the key row, not from a copy on each diploma.
 */
export async function markKeyCompromised(
  db: Executor,
  options: MarkKeyCompromisedOptions,
): Promise<Result<MarkKeyCompromisedValue, MarkKeyCompromisedError>> {
  const reason = options.reason.trim();
  if (!reason) return fail("reason_required", { reason: "keys.error.reason_required" });
  if (reason.length > COMPROMISE_REASON_MAX_LENGTH)
    return fail("reason_too_long", { reason: "keys.error.reason_too_long" });
  const now = options.now ?? new Date();
  if (options.compromisedFrom.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    return fail("compromised_from_in_future", { compromisedFrom: "keys.error.compromised_from_in_future" });
  }

  return db.transaction(async (tx) => {
    const school = await lockSchool(tx, options.organisationId);
    if (!school) return fail("not_found");
    const current = await findOwnedKey(tx, { organisationId: school.id, keyId: options.keyId, forUpdate: true });
    if (!current) return fail("not_found");
    if (current.status === "compromised") return fail("already_compromised");

    const wasActive = current.status === "active";
    const key = await setKeyCompromised(tx, {
      organisationId: school.id,
      keyId: current.id,
      compromisedFrom: options.compromisedFrom,
      reason,
      retiredAt: current.retiredAt ?? now,
    });
    if (!key) return fail("already_compromised");

    const replacement =
      wasActive && school.status === "accredited"
        ? await createSigningKey(tx, {
            organisationId: school.id,
            reason: "compromise",
            actor: options.actor,
            ring: options.ring ?? getKeyRing(),
            at: now,
          })
        : null;
    const affected = await listDiplomasSignedSince(tx, {
      organisationId: school.id,
      keyId: key.id,
      since: options.compromisedFrom,
    });

    await recordAudit(tx, options.actor, {
      action: "signing-key.compromise",
      entityType: "signing_key",
      entityId: key.id,
      organisationId: school.id,
      details: {
        keyRef: key.keyRef,
        compromisedFrom: options.compromisedFrom.toISOString(),
        reason,
        replacementKeyRef: replacement?.keyRef ?? null,
        affectedCount: affected.total,
        affectedDiplomaIds: affected.diplomas.slice(0, AUDITED_IDS).map((d) => d.id),
      },
    });
    return ok({ key, replacement, affected });
  });
}
