import type { Executor } from "~/lib/db.server";
import { createTtlCache } from "~/lib/ttl-cache";
import type { PinnedKey } from "./check-trust-registry";
import { ministryDid, verificationMethodId } from "~/modules/keys/did-web";
import { listKeys } from "~/modules/keys/queries.server";

/**
 * The ministry keys the verify pages pin for the browser's check of the trust registry: every ministry key not
 * reported compromised, as `{ id, publicKeyMultibase }`. They reach the browser inside the page's HTML (loader
 * data, `no-store`), never with the registry: a registry altered on its way (a shared cache, a proxy, a stale copy)
 * cannot bring its own key. Kept in memory for a minute; the ministry key changes rarely.
 */
const pinnedKeys = createTtlCache<PinnedKey[]>({ ttlMs: 60_000, maxEntries: 10 });

export function getPinnedMinistryKeys(db: Executor, options: { origin: string }): Promise<PinnedKey[]> {
  return pinnedKeys.get(options.origin, () => {
    const did = ministryDid(options.origin);
    return listKeys(db, null).then((keys) =>
      keys
        .filter((key) => key.status !== "compromised")
        .map((key) => ({ id: verificationMethodId(did, key.keyRef), publicKeyMultibase: key.publicKeyMultibase })),
    );
  });
}
