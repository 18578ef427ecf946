import { type Database, withDefaultDb } from "~/lib/db.server";
import { hitRateLimit, type RateLimitRule } from "~/lib/rate-limit.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { refreshCandidatePool } from "~/modules/matching/queries.server";
import { isClaimCodeOf } from "./claim-code.server";
import {
  findClaimant,
  findClaimCandidates,
  findStandingReplacement,
  markDiplomaClaimed,
  type SignedStatus,
} from "./diploma-queries.server";
import { hashPersonalId } from "~/modules/drafts/personal-id.server";
import type { ClaimInput } from "./issued-schema";

export type ClaimDiplomaError =
  /** Code, personal ID and date of birth do not all match one claimable diploma: never says which one is wrong. */
  | "no_match"
  /** All three match, but another account holds the diploma: the graduate should ask the school. */
  | "claimed_by_other"
  | "rate_limited"
  /** All three match a diploma that a correction or reissue replaced: its old code no longer works; the new one does. */
  | "superseded";

/** What the graduate is told when they used a replaced diploma's code (they proved code, ID and date of birth). */
export interface SupersededClaim {
  oldSerial: string;
  newSerial: string;
  schoolName: string;
}

/**
 * Attempts count per account and per address, whether they succeed or not: the three inputs are guessable one at a
 * time (a date of birth, a 12-digit number with structure), so the budget, not the inputs, is what stops a search.
 */
export const CLAIM_RATE_LIMITS = {
  perUser: { limit: 10, windowSeconds: 3600 },
  perIp: { limit: 30, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimitRule>;

/** Only a diploma that stands can be claimed; a replaced one is claimed through its replacement's own code. */
const CLAIMABLE: readonly SignedStatus[] = ["issued", "suspended"];

export interface ClaimDiplomaOptions {
  input: ClaimInput;
  actor: { userId: string; ip: string | null };
}

/**
 * A graduate claims a diploma into their account with the claim code from the school, checked against the personal
 * ID number and date of birth recorded on it. The diploma is found by the personal ID's keyed hash and the date of
 * birth (indexed), then each candidate's derived code is compared in constant time: codes are never stored.
 */
export const claimDiploma = withDefaultDb(async function claimDiploma(
  db: Database,
  options: ClaimDiplomaOptions,
): Promise<
  Result<{ diplomaId: string; alreadyYours: boolean }, ClaimDiplomaError> & {
    superseded?: SupersededClaim;
    retryAfterSeconds?: number;
  }
> {
  const { input, actor } = options;
  const perUser = await hitRateLimit(db, `diploma-claim:user:${actor.userId}`, CLAIM_RATE_LIMITS.perUser);
  const perIp = actor.ip
    ? await hitRateLimit(db, `diploma-claim:ip:${actor.ip}`, CLAIM_RATE_LIMITS.perIp)
    : { allowed: true, retryAfterSeconds: 0 };
  if (!perUser.allowed || !perIp.allowed) {
    const retryAfterSeconds = Math.max(
      perUser.allowed ? 0 : perUser.retryAfterSeconds,
      perIp.allowed ? 0 : perIp.retryAfterSeconds,
    );
    return { ...fail("rate_limited"), retryAfterSeconds };
  }

  const candidates = await findClaimCandidates(db, {
    personalIdHash: hashPersonalId(input.personalId),
    dateOfBirth: input.dateOfBirth,
    statuses: CLAIMABLE,
  });
  // Every candidate is compared, so the time taken does not depend on which one matches.
  let match: (typeof candidates)[number] | undefined;
  for (const candidate of candidates) if (isClaimCodeOf(candidate.id, input.claimCode) && !match) match = candidate;
  if (!match) {
    // An old slip? Only when code, personal ID and date of birth all match the replaced diploma is that said.
    const replaced = await findClaimCandidates(db, {
      personalIdHash: hashPersonalId(input.personalId),
      dateOfBirth: input.dateOfBirth,
      statuses: ["superseded"],
    });
    let old: (typeof replaced)[number] | undefined;
    for (const candidate of replaced) if (isClaimCodeOf(candidate.id, input.claimCode) && !old) old = candidate;
    const replacement = old ? await findStandingReplacement(db, old.id) : null;
    if (old && replacement) {
      return {
        ...fail("superseded"),
        superseded: {
          oldSerial: old.serial ?? "—",
          newSerial: replacement.serial ?? "—",
          schoolName: replacement.schoolName,
        },
      };
    }
    return fail("no_match");
  }
  if (match.claimedBy === actor.userId) return ok({ diplomaId: match.id, alreadyYours: true });
  if (match.claimedBy) return fail("claimed_by_other");

  const diploma = match;
  return db.transaction(async (tx) => {
    const claimed = await markDiplomaClaimed(tx, { diplomaId: diploma.id, userId: actor.userId, at: new Date() });
    if (!claimed) {
      // Taken between the lookup and now: by this user (a double submit) or by someone else.
      return (await findClaimant(tx, diploma.id)) === actor.userId
        ? ok({ diplomaId: diploma.id, alreadyYours: true })
        : fail("claimed_by_other");
    }
    await refreshCandidatePool(tx, actor.userId);
    await recordAudit(tx, actor, {
      action: "diploma.claim",
      entityType: "diploma",
      entityId: diploma.id,
      organisationId: diploma.organisationId,
      details: { serial: diploma.serial },
    });
    return ok({ diplomaId: diploma.id, alreadyYours: false });
  });
});
