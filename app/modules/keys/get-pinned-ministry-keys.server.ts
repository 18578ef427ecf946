import type { Executor } from "~/lib/db.server";
import type { PinnedKey } from "~/modules/verification/check-trust-registry";
import { ministryDid, verificationMethodId } from "./did-web";
import { listKeys } from "./queries.server";

/**
 * The ministry keys the verify pages pin for the browser's check of the trust registry: every ministry key not
 * reported compromised, as `{ id, publicKeyMultibase }`. They reach the browser inside the page's HTML (loader
 * data, `no-store`), never with the registry: a registry altered on its way (a shared cache, a proxy, a stale copy)
 * cannot bring its own key. Kept in memory for a minute; the ministry key changes rarely.
 */
const TTL_MS = process.env.NODE_ENV === "test" ? 0 : 60_000;
let cached: { at: number; origin: string; value: Promise<PinnedKey[]> } | null = null;

export function getPinnedMinistryKeys(db: Executor, options: { origin: string }): Promise<PinnedKey[]> {
  const now = Date.now();
  if (cached && cached.origin === options.origin && now - cached.at < TTL_MS) return cached.value;
  const did = ministryDid(options.origin);
  const value = listKeys(db, null).then((keys) =>
    keys
      .filter((key) => key.status !== "compromised")
      .map((key) => ({ id: verificationMethodId(did, key.keyRef), publicKeyMultibase: key.publicKeyMultibase })),
  );
  if (TTL_MS > 0) {
    const entry = { at: now, origin: options.origin, value };
    cached = entry;
    value.catch(() => {
      if (cached === entry) cached = null; // a failed read is not remembered
    });
  }
  return value;
}
