/**
 * WEB_CONCURRENCY=2 on PostgreSQL: one port, two serving processes, a dead worker replaced, SIGTERM stops them all.
 * On the embedded PGlite: one process, and the log says why.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  alive,
  answeringPid,
  createEmptyDatabase,
  eventually,
  getOnce,
  requireClusterPrerequisites,
  startServer,
  type ServerProcess,
} from "../support/server-process";

async function pidsAnswering(origin: string, requests: number): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < requests; i++) {
    const pid = await answeringPid(origin);
    if (pid !== null) pids.add(pid);
  }
  return pids;
}

describe("WEB_CONCURRENCY", () => {
  const { adminUrl } = requireClusterPrerequisites();
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 60_000);

  it("=2 on PostgreSQL serves one port from two processes, replaces a worker that dies, and stops on SIGTERM", async () => {
    const database = await createEmptyDatabase(adminUrl, "wc");
    cleanups.push(database.drop);
    const server: ServerProcess = await startServer({ DATABASE_URL: database.url, WEB_CONCURRENCY: "2" });
    cleanups.push(server.stop);
    expect(server.output()).toContain('"processes":2');

    const pids = await pidsAnswering(server.origin, 12);
    expect(pids.size).toBe(2);
    expect(pids.has(server.child.pid!)).toBe(false); // the primary forks; its workers serve

    // A worker killed outright: the other keeps serving, and a new one takes its place.
    const [victim] = [...pids];
    process.kill(victim!, "SIGKILL");
    // Once the primary knows (a connection it handed over in that instant is lost, as with any crash):
    expect(await eventually(async () => server.output().includes("server worker died"), 30_000)).toBe(true);
    expect((await getOnce(`${server.origin}/`)).status).toBe(200);
    const replaced = await eventually(
      async () => {
        const now = await pidsAnswering(server.origin, 6);
        return now.size === 2 && !now.has(victim!);
      },
      90_000,
      500,
    );
    expect(replaced).toBe(true);

    // SIGTERM to the primary: the workers finish and exit, then the primary, with code 0.
    const workers = await pidsAnswering(server.origin, 8);
    const exited = new Promise<number | null>((resolve) => server.child.once("exit", (code) => resolve(code)));
    server.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect([...workers].filter(alive)).toEqual([]);
  }, 240_000);

  it("=2 shares one public budget per client address between its workers, not one each", async () => {
    const database = await createEmptyDatabase(adminUrl, "wcbudget");
    cleanups.push(database.drop);
    // 120 a minute: 60 requests per 30-second window for one address, whichever worker answers.
    const server = await startServer({
      DATABASE_URL: database.url,
      WEB_CONCURRENCY: "2",
      PUBLIC_RATE_LIMIT_PER_MINUTE: "120",
    });
    cleanups.push(server.stop);
    expect((await pidsAnswering(server.origin, 8)).size).toBe(2); // both workers take connections

    // 100 requests from one address, each on a connection of its own (spread over both workers). With a budget per
    // worker each would let its ~50 through; shared, exactly 60 pass.
    const statuses: number[] = [];
    const retryAfter: (string | undefined)[] = [];
    for (let i = 0; i < 100; i++) {
      const answer = await getOnce(`${server.origin}/contexts/diploma/v1`);
      statuses.push(answer.status);
      if (answer.status === 429) retryAfter.push(answer.headers["retry-after"] as string | undefined);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
    expect(retryAfter.every((value) => Number(value) >= 1)).toBe(true);
  }, 240_000);

  it("=2 on the embedded PGlite serves from one process and says so", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "vanbang-wc-pglite-"));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const server = await startServer({ DATABASE_URL: "", DATA_DIR: dataDir, WEB_CONCURRENCY: "2" });
    cleanups.push(server.stop);
    expect(server.output()).toMatch(/WEB_CONCURRENCY is ignored on the embedded database/);
    expect(server.output()).toContain('"processes":1');
    const pids = await pidsAnswering(server.origin, 4);
    // One process: /healthz (where it exists) names the server itself; no worker sends the cluster's header.
    expect([...pids].every((pid) => pid === server.child.pid)).toBe(true);
    expect((await getOnce(`${server.origin}/`)).status).toBe(200);
  }, 240_000);
});
