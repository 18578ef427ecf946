/**
 * What one server process changes in the registry, every process must see at once: a revocation, a suspension or a
 * reinstatement (a status-list bit), a key added, retired or compromised, a school accredited or suspended. Each such
 * write calls announceRegistryChange in its transaction (`pg_notify`, delivered when the transaction commits, never
 * if it rolls back); every process LISTENs (watchRegistryChanges) and, on a notification, empties its verification
 * caches (status bits, lifecycle rows, trust data, pinned keys) and its verify page cache, and holds its read replicas
 * back until they have replayed the change (read-replicas.server.ts). A notification costs every process one reload
 * of what it had cached: registry changes are rare next to verifications.
 *
 * The listener has its own connection (postgres.js re-establishes it after a loss); notifications sent while it was
 * away are lost, so each reconnection empties the caches too. Without a listener the caches' TTLs still bound the
 * staleness (a second for status bits). PGlite (one process) delivers notifications the same way, in-process.
 */
import { sql } from "drizzle-orm";
import type { DatabaseHandle, Executor } from "./db.server";
import { logger } from "./logger.server";
import { holdReadReplicas } from "./read-replicas.server";
import { clearTtlCaches } from "./ttl-cache";

export const REGISTRY_CHANNEL = "vanbang_registry";

export type RegistryChange = "status" | "key" | "organisation";

/** Announces a registry change to every server process when the caller's transaction commits. */
export async function announceRegistryChange(tx: Executor, change: RegistryChange): Promise<void> {
  await tx.execute(sql`select pg_notify(${REGISTRY_CHANNEL}, ${change})`);
}

/** What a process does on hearing of a change (or on reconnecting, when it may have missed some). */
export function forgetRegistryCaches(): void {
  holdReadReplicas();
  clearTtlCaches();
}

/** Listens for announced changes until the returned function is called. */
export async function watchRegistryChanges(handle: DatabaseHandle): Promise<() => Promise<void>> {
  let connected = false;
  return handle.listen(
    REGISTRY_CHANNEL,
    (change) => {
      logger.debug("registry change announced: caches emptied", { change });
      forgetRegistryCaches();
    },
    () => {
      if (connected) {
        logger.warn("registry change listener reconnected: caches emptied (changes may have been missed)");
        forgetRegistryCaches();
      }
      connected = true;
    },
  );
}
