import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rowsOf } from "~/lib/db.server";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`migrated database (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("has unaccent", async () => {
    const rows = rowsOf<{ v: string }>(await t.db.execute(sql`select unaccent('kế toán') as v`));
    expect(rows[0]?.v).toBe("ke toan");
  });

  it("has pg_trgm", async () => {
    const rows = rowsOf<{ s: number }>(await t.db.execute(sql`select similarity('abc', 'abd') as s`));
    expect(Number(rows[0]?.s)).toBeGreaterThan(0);
  });

  it("is the database getDb() returns, and is fresh for each test", async () => {
    const db = await getDb();
    expect(db).toBe(t.db);
    await db.execute(sql`create table scratch (id int)`);
    const rows = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from information_schema.tables where table_name = 'scratch'`),
    );
    expect(rows[0]?.n).toBe(1);
  });

  it("does not see the previous test's changes", async () => {
    const rows = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from information_schema.tables where table_name = 'scratch'`),
    );
    expect(rows[0]?.n).toBe(0);
  });
});
