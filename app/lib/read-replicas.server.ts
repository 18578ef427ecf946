/**
 * Public reads on streaming replicas (DATABASE_REPLICA_URLS), never staler than the status cache already allows.
 *
 * Every REPLICA_CHECK_MS the primary's WAL position (`pg_current_wal_lsn()`) and each replica's replayed position
 * (`pg_last_wal_replay_lsn()`) are read. A replica serves reads only while it has replayed everything the primary had
 * written by the previous check, so it is at most about two checks (half a second) behind; otherwise reads go to the
 * primary. And when a registry change is announced (a revocation, a suspension, a key or accreditation change:
 * registry-changes.server.ts), no replica serves until it has replayed what the primary had once that change was
 * committed: the caches emptied by the announcement are never filled again from a replica that has not seen it.
 * A replica that cannot be reached, or a primary that cannot be asked, sends reads to the primary.
 */
import { sql } from "drizzle-orm";
import { withReplicas } from "drizzle-orm/pg-core";
import type { Database, DatabaseHandle } from "./db.server";
import { logger } from "./logger.server";

export const REPLICA_CHECK_MS = 250;

/** "16/B374D848" → a comparable number; null for null (not a replica, or nothing replayed yet). */
export function parseLsn(text: string | null | undefined): bigint | null {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text ?? "");
  return match ? (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`) : null;
}

/** May a replica that has replayed up to `replayed` serve, when it must hold everything up to `mustHave`? */
export function replicaIsFresh(replayed: bigint | null, mustHave: bigint | null): boolean {
  return replayed !== null && mustHave !== null && replayed >= mustHave;
}

async function lsnOf(db: Database, query: ReturnType<typeof sql>): Promise<bigint | null> {
  const result = await db.execute(query);
  const rows = (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as { lsn: string }[];
  return parseLsn(rows[0]?.lsn);
}

class ReplicaMonitor {
  private fresh: boolean[];
  private previousPrimary: bigint | null = null;
  private barrier: bigint | null = null;
  /** Announcements so far, and how many of them the barrier covers. */
  private holds = 0;
  private coveredHolds = 0;
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly primary: Database,
    private readonly replicas: Database[],
  ) {
    this.fresh = replicas.map(() => false);
  }

  start(): void {
    const loop = () => {
      if (this.stopped) return;
      void this.check().finally(() => {
        if (this.stopped) return;
        this.timer = setTimeout(loop, REPLICA_CHECK_MS);
        this.timer.unref();
      });
    };
    loop();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** A registry change was committed: no replica serves until it has replayed the primary's position after it. */
  hold(): void {
    this.holds++;
    this.fresh = this.fresh.map(() => false);
  }

  /** A fresh replica (round robin), or undefined: read from the primary. */
  pick(): Database | undefined {
    for (let i = 0; i < this.replicas.length; i++) {
      const at = (this.next + i) % this.replicas.length;
      if (this.fresh[at]) {
        this.next = at + 1;
        return this.replicas[at];
      }
    }
    return undefined;
  }

  async check(): Promise<void> {
    const holds = this.holds;
    let primary: bigint | null;
    try {
      primary = await lsnOf(this.primary, sql`select pg_current_wal_lsn()::text as lsn`);
    } catch (err) {
      if (!this.stopped) logger.warn("replica check: the primary did not answer", { err });
      this.fresh = this.fresh.map(() => false);
      return;
    }
    if (holds > this.coveredHolds && primary !== null) {
      // Read after the announcements counted in `holds`: this position includes their commits.
      this.barrier = this.barrier !== null && this.barrier > primary ? this.barrier : primary;
      this.coveredHolds = holds;
    }
    const replayed = await Promise.all(
      this.replicas.map((replica) =>
        lsnOf(replica, sql`select pg_last_wal_replay_lsn()::text as lsn`).catch((err: unknown) => {
          if (!this.stopped) logger.warn("replica check: a replica did not answer", { err });
          return null;
        }),
      ),
    );
    // At the first check, what the primary has now (strict); afterwards what it had one check ago.
    const since = this.previousPrimary ?? primary;
    const mustHave = since !== null && this.barrier !== null && this.barrier > since ? this.barrier : since;
    const covered = this.coveredHolds === this.holds;
    this.fresh = replayed.map((lsn) => covered && replicaIsFresh(lsn, mustHave));
    this.previousPrimary = primary;
  }
}

const monitors = new Set<ReplicaMonitor>();

/** Called when a registry change is announced (registry-changes.server.ts): see the module comment. */
export function holdReadReplicas(): void {
  for (const monitor of monitors) monitor.hold();
}

/** The primary's handle with `readDb` sending selects to fresh replicas (drizzle's withReplicas), and writes to it. */
export function withReadReplicas(primary: DatabaseHandle, replicas: DatabaseHandle[]): DatabaseHandle {
  const monitor = new ReplicaMonitor(
    primary.db,
    replicas.map((r) => r.db),
  );
  monitors.add(monitor);
  monitor.start();
  const readDb = withReplicas(
    primary.db as never,
    replicas.map((r) => r.db) as never,
    () => (monitor.pick() ?? primary.db) as never,
  ) as unknown as Database;
  return {
    ...primary,
    readDb,
    async close() {
      monitor.stop();
      monitors.delete(monitor);
      await Promise.all(replicas.map((r) => r.close()));
      await primary.close();
    },
  };
}
