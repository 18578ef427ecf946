/**
 * The checks both ways in (QR text, credential JSON) share once the signature is known: the key's validity at the
 * issue date, the status lists, the lifecycle of the diploma row, and the count of the verification.
 */
import type { StatusPurpose } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import type { PublishedKey } from "~/modules/keys/queries.server";
import { getBit } from "~/modules/status/bitstring";
import { findStatusList } from "~/modules/status/status-lists.server";
import { findDiplomaLifecycle, incrementVerificationCounts } from "./queries.server";
import { logger } from "~/lib/logger.server";
import { countVerification } from "~/lib/metrics.server";
import { createTtlCache } from "~/lib/ttl-cache";
import { reason, type Reason } from "./reasons";
import { worstVerdict, type Verdict, type VerificationResult } from "./verdict";
import { vietnamDate } from "~/lib/format-time";

const DAY_MS = 86_400_000;

/**
 * Why a key could not have signed a diploma dated `issueDate` (a Vietnam calendar day), or null. The payload has
 * no time of day, so a compromise at any time during that day taints it (docs/qr-payload.md, section 4).
 */
export function keyValidityProblem(
  key: Pick<PublishedKey, "retiredAt" | "compromisedFrom">,
  issueDate: string,
): Reason | null {
  const dayStart = Date.parse(`${issueDate}T00:00:00+07:00`);
  if (Number.isNaN(dayStart)) return reason("malformed", "the issue date is not a date");
  const dayEnd = dayStart + DAY_MS;
  if (key.compromisedFrom && key.compromisedFrom.getTime() < dayEnd) return reason("key_compromised");
  if (key.retiredAt && key.retiredAt.getTime() < dayStart) return reason("key_retired");
  return null;
}

export interface StatusPosition {
  purpose: StatusPurpose;
  listNumber: number;
  index: number;
}

/**
 * Status-list bits are kept in memory for STATUS_TTL_MS: every verification reads two 16 KiB lists, and reading them
 * from the database each time dominated a verification under load. A revocation shows within that second.
 */
const STATUS_TTL_MS = 1_000;
const STATUS_CACHE_MAX = 1_000;
const statusBits = createTtlCache<Uint8Array | null>({ ttlMs: STATUS_TTL_MS, maxEntries: STATUS_CACHE_MAX });

function loadStatusBits(db: Executor, organisationId: string, position: StatusPosition): Promise<Uint8Array | null> {
  return statusBits.get(`${organisationId}|${position.purpose}|${position.listNumber}`, () =>
    findStatusList(db, { organisationId, purpose: position.purpose, listNumber: position.listNumber }).then((list) =>
      list ? new Uint8Array(list.bits) : null,
    ),
  );
}

/**
 * The lifecycle row (when and why a diploma was revoked or suspended, what superseded it) of a diploma whose bit is
 * set, kept as long as status bits are: without it every check of a revoked diploma cost a query.
 */
type Lifecycle = Awaited<ReturnType<typeof findDiplomaLifecycle>>;
const lifecycles = createTtlCache<Lifecycle>({ ttlMs: STATUS_TTL_MS, maxEntries: STATUS_CACHE_MAX });

function loadLifecycle(db: Executor, organisationId: string, diplomaId: string): Promise<Lifecycle> {
  return lifecycles.get(`${organisationId}|${diplomaId}`, () =>
    findDiplomaLifecycle(db, { organisationId, diplomaId }),
  );
}

/** A bit of one of the school's lists: true/false, or null when the list or the index does not exist. */
async function readStatusBit(db: Executor, organisationId: string, position: StatusPosition): Promise<boolean | null> {
  const bits = await loadStatusBits(db, organisationId, position);
  if (!bits) return null;
  try {
    return getBit(bits, position.index);
  } catch {
    return null; // index beyond the list
  }
}

/**
 * The status verdict of a genuinely signed diploma: revoked (superseded when the school replaced it), suspended,
 * status_unknown when a list cannot be read (never valid), or valid. `positions` must hold the revocation entry;
 * a missing one is status_unknown.
 */
export async function checkStatus(
  db: Executor,
  options: { organisationId: string; diplomaId: string; positions: readonly (StatusPosition | null)[] },
): Promise<Pick<VerificationResult, "verdict" | "reasons" | "status">> {
  const positions = options.positions.filter((p): p is StatusPosition => p !== null);
  const verdicts: Verdict[] = [];
  const reasons: Reason[] = [];
  if (!positions.some((p) => p.purpose === "revocation")) {
    verdicts.push("status_unknown");
    reasons.push(reason("status_unavailable", "no revocation entry"));
  }
  for (const position of positions) {
    const bit = await readStatusBit(db, options.organisationId, position);
    if (bit === null) {
      verdicts.push("status_unknown");
      reasons.push(reason("status_unavailable", `${position.purpose} list ${position.listNumber} cannot be read`));
    } else if (bit) {
      verdicts.push(position.purpose === "revocation" ? "revoked" : "suspended");
    }
  }
  const lifecycle = verdicts.some((v) => v === "revoked" || v === "suspended")
    ? await loadLifecycle(db, options.organisationId, options.diplomaId)
    : null;
  const status = lifecycle
    ? {
        changedAt: lifecycle.statusChangedAt?.toISOString() ?? null,
        supersededBy: lifecycle.status === "superseded" ? lifecycle.supersededById : null,
        reason: lifecycle.status === "revoked" || lifecycle.status === "suspended" ? lifecycle.statusReason : null,
      }
    : undefined;
  // A superseded diploma is revoked in its list; the row says which diploma replaced it.
  const revokedAs: Verdict = status?.supersededBy ? "superseded" : "revoked";
  const final = verdicts.map((v) => (v === "revoked" ? revokedAs : v));
  if (final.includes("superseded")) reasons.unshift(reason("superseded"));
  else if (final.includes("revoked")) reasons.unshift(reason("revoked"));
  if (final.includes("suspended")) reasons.push(reason("suspended"));
  const verdict = worstVerdict(final);
  if (verdict === "valid") reasons.push(reason("genuine"));
  return { verdict, reasons, ...(status ? { status } : {}) };
}

type CountEntry = { organisationId: string | null; day: string; verdict: string; by: number };
interface CountState {
  /** Counts taken since the last write, summed by (school, day, verdict). */
  open: Map<string, CountEntry> | null;
  timer: NodeJS.Timeout | null;
  /** The chain of writes: one batch at a time. */
  tail: Promise<void>;
}
const countStates = new WeakMap<Executor, CountState>();

/** How long counts gather in memory before they are written. */
const COUNT_FLUSH_MS = 1_000;

/**
 * Counts the verification for the statistics: the school (or none), the Vietnam day, the verdict; nothing else.
 * The verdict does not wait for it: counts are summed in memory and written at most once a second, one upsert per
 * (school, day, verdict) seen in that second. Writing each count as it came made the verify API and page wait on
 * the database under load (PGlite runs one query at a time, on the main thread): npm run bench:verify. A crash
 * loses at most a second of counts (statistics, not records); a failed write is logged. The server calls
 * `flushVerificationCounts` when it stops, and so do tests.
 */
export function recordVerification(
  reader: Executor,
  options: { organisationId: string | null; verdict: Verdict; at?: Date },
): void {
  countVerification(options.verdict); // Prometheus: vanbang_verifications_total (app/lib/metrics.server.ts)
  // Counts are written to the primary, also when the verification read from a replica (getReadDb). The upsert adds
  // to what other server processes wrote, so each process's sums add up.
  const db = primaryOf(reader);
  let state = countStates.get(db);
  if (!state) countStates.set(db, (state = { open: null, timer: null, tail: Promise.resolve() }));
  if (!state.open) {
    state.open = new Map();
    const owner = state;
    owner.timer = setTimeout(() => writeOpenCounts(db, owner), COUNT_FLUSH_MS);
    owner.timer.unref();
  }
  const day = vietnamDate(options.at ?? new Date());
  const key = `${options.organisationId ?? ""}|${day}|${options.verdict}`;
  const entry = state.open.get(key);
  if (entry) entry.by += 1;
  else state.open.set(key, { organisationId: options.organisationId, day, verdict: options.verdict, by: 1 });
}

function writeOpenCounts(db: Executor, state: CountState): void {
  const batch = state.open;
  if (state.timer) clearTimeout(state.timer);
  state.open = null;
  state.timer = null;
  if (!batch) return;
  state.tail = state.tail.then(async () => {
    try {
      await incrementVerificationCounts(db, [...batch.values()]);
    } catch (err) {
      logger.error("verification counts not written", { err, counts: batch.size });
    }
  });
}

/** The primary behind a replica-routed database (drizzle's withReplicas), or the database itself. */
function primaryOf(db: Executor): Executor {
  return (db as { $primary?: Executor }).$primary ?? db;
}

/** Writes the counts gathered so far on `db` now, and resolves once every count taken so far is written. */
export async function flushVerificationCounts(db: Executor): Promise<void> {
  const state = countStates.get(primaryOf(db));
  if (!state) return;
  writeOpenCounts(db, state);
  await state.tail;
}
