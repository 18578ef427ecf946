/**
 * For the benchmarks: a throwaway PostgreSQL server (scripts/pg-test-server.sh: a fresh cluster in a temporary
 * directory, loopback only, no fsync), started and stopped by the calling script. Its own state file, so it never
 * touches a test server someone else started. Port: PG_TEST_PORT or the script's default (the next free one).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface ThrowawayPostgres {
  url: string;
  stop(): void;
}

export function startThrowawayPostgres(root = process.cwd()): ThrowawayPostgres {
  const stateDir = mkdtempSync(path.join(tmpdir(), "vanbang-bench-pg-"));
  const env = { ...process.env, PG_TEST_STATE: path.join(stateDir, "state") };
  const script = path.join(root, "scripts/pg-test-server.sh");
  const started = spawnSync("bash", [script, "start"], { env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const url = /TEST_DATABASE_URL=(\S+)/.exec(started.stdout ?? "")?.[1];
  if (started.status !== 0 || !url) {
    rmSync(stateDir, { recursive: true, force: true });
    throw new Error(`could not start a throwaway PostgreSQL server (exit ${started.status})`);
  }
  let stopped = false;
  return {
    url,
    stop() {
      if (stopped) return;
      stopped = true;
      spawnSync("bash", [script, "stop"], { env, stdio: ["ignore", "ignore", "inherit"] });
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
