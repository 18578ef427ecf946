/**
 * /readyz's check (app/server/health.ts) on a real database: ready when migrated; not ready, naming the check,
 * when the database lacks the release's newest migration or does not answer.
 */
import type { ServerResponse } from "node:http";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkReadiness, createReadyz, latestShippedMigration } from "~/server/health";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

/** Removes the newest applied migration's row, as on a database one release behind. */
async function forgetNewestMigration(db: Parameters<typeof checkReadiness>[0]["db"]) {
  await db.execute(
    sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
  );
}

/** What createReadyz writes, read back from a stand-in response. */
function answerOf(readyz: (res: ServerResponse) => void): Promise<{ status: number; headers: object; body: any }> {
  return new Promise((resolve) => {
    let status = 0;
    let headers = {};
    const res = {
      writeHead(s: number, h: object) {
        status = s;
        headers = h;
        return res;
      },
      end(text: string) {
        resolve({ status, headers, body: JSON.parse(text) });
      },
    };
    readyz(res as unknown as ServerResponse);
  });
}

describe(`readiness (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("is ready on a migrated database, and names the release's newest migration", async () => {
    const readiness = await checkReadiness(t.handle);
    expect(readiness.ready).toBe(true);
    expect(readiness.checks.database.ok).toBe(true);
    expect(readiness.checks.migrations).toMatchObject({ ok: true, expected: latestShippedMigration().tag });
  });

  it("is not ready when the database lacks the newest migration, and /readyz answers 503 naming the check", async () => {
    await forgetNewestMigration(t.db);
    const readiness = await checkReadiness(t.handle);
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.database.ok).toBe(true);
    expect(readiness.checks.migrations.ok).toBe(false);
    expect(readiness.checks.migrations.error).toContain("db:migrate");

    const answer = await answerOf(createReadyz(async () => t.handle));
    expect(answer.status).toBe(503);
    expect(answer.headers).toMatchObject({ "Cache-Control": "no-store" });
    expect(answer.body).toMatchObject({ status: "not_ready", failing: ["migrations"], pid: process.pid });
  });

  it("answers 200 through /readyz on the migrated database", async () => {
    const answer = await answerOf(createReadyz(async () => t.handle));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "ready" });
    expect(answer.body.failing).toBeUndefined();
  });

  it("is not ready when the database does not answer in time, and says so instead of waiting", async () => {
    const silent = { db: { execute: () => new Promise(() => {}) } } as unknown as Parameters<typeof checkReadiness>[0];
    const readiness = await checkReadiness(silent, latestShippedMigration(), 50);
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.database).toMatchObject({ ok: false });
    expect(readiness.checks.database.error).toContain("no answer");
    expect(readiness.checks.migrations.ok).toBe(false);
  });
});
