import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { getDb, MIGRATIONS_FOLDER, openPglite, openPostgres, rowsOf, type DatabaseHandle } from "~/lib/db.server";
import { adminQuery, databaseUrl } from "../support/test-database-info";
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

/**
 * Issue 12 moved the reports of suspected fakes onto the case core (0012_move_fake_reports, then 0013 drops the old
 * table): a database with fake_reports rows, migrated, finds each as a case with its tracking code, status, outcome,
 * note and timeline. Runs on a database of its own, migrated step by step from empty.
 */
describe(`fake reports' history survives the move to cases (${testDatabaseKind()})`, () => {
  /** The migrations folder cut after `tag`, as a database at that version would have had it. */
  async function migrationsUpTo(tag: string): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), "vanbang-migrations-"));
    await cp(MIGRATIONS_FOLDER, dir, { recursive: true });
    const journalPath = path.join(dir, "meta", "_journal.json");
    const journal = JSON.parse(await readFile(journalPath, "utf8")) as { entries: { tag: string }[] };
    const cut = journal.entries.findIndex((e) => e.tag === tag);
    expect(cut).toBeGreaterThanOrEqual(0);
    journal.entries = journal.entries.slice(0, cut + 1);
    await writeFile(journalPath, JSON.stringify(journal));
    return dir;
  }

  async function openEmpty(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
    const info = inject("testDatabase");
    if (info.kind === "pglite") {
      const handle = await openPglite({});
      return { handle, drop: () => handle.close() };
    }
    const name = `${info.prefix}_mig_${process.pid}`;
    await adminQuery(info.adminUrl, `CREATE DATABASE "${name}"`);
    const handle = await openPostgres(databaseUrl(info.adminUrl, name), 2);
    return {
      handle,
      drop: async () => {
        await handle.close();
        await adminQuery(info.adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }

  async function migrate(handle: DatabaseHandle, migrationsFolder: string) {
    if (handle.kind === "postgres") {
      const { migrate } = await import("drizzle-orm/postgres-js/migrator");
      await migrate(handle.db as never, { migrationsFolder });
    } else {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(handle.db as never, { migrationsFolder });
    }
  }

  it("copies every report into cases with its code, status, outcome, dates and timeline, then drops the table", async () => {
    const { handle, drop } = await openEmpty();
    const before = await migrationsUpTo("0010_cases");
    try {
      await migrate(handle, before);
      const db = handle.db;
      await db.execute(sql`insert into provinces (code, name_vi, kind) values ('01', 'Hà Nội', 'city')`);
      await db.execute(sql`insert into organisations (id, kind, code, name, province_code, school_type, status)
        values ('6f1d2c3b-0000-4000-8000-000000000001', 'school', 'CDMIG', 'Trường Cao đẳng Di trú', '01', 'college', 'active')`);
      await db.execute(sql`insert into fake_reports
          (id, tracking_code, organisation_id, submitted_text, verdict, description, reporter_email, status, resolution_note, created_at, updated_at)
        values
          ('6f1d2c3b-0000-4000-8000-0000000000a1', 'VB-AAAAA-11111', '6f1d2c3b-0000-4000-8000-000000000001', 'CĐ-123', 'revoked',
           'Ứng viên nộp bản này khi xin việc.', 'nguoi.bao@example.vn', 'received', null,
           '2026-03-02T02:00:00Z', '2026-03-02T02:00:00Z'),
          ('6f1d2c3b-0000-4000-8000-0000000000a2', 'VB-BBBBB-22222', null, null, null,
           'Văn bằng có dấu hiệu bị tẩy xóa.', null, 'investigating', null,
           '2026-03-03T02:00:00Z', '2026-03-04T02:00:00Z'),
          ('6f1d2c3b-0000-4000-8000-0000000000a3', 'VB-CCCCC-33333', '6f1d2c3b-0000-4000-8000-000000000001', 'CĐ-9', 'valid',
           'Nghi ngờ văn bằng giả.', null, 'closed_genuine', 'Văn bằng thật.',
           '2026-03-05T02:00:00Z', '2026-03-06T02:00:00Z'),
          ('6f1d2c3b-0000-4000-8000-0000000000a4', 'VB-DDDDD-44444', null, null, null,
           'Bằng giả bán trên mạng.', 'a@example.vn', 'closed_fake', 'Đã chuyển công an.',
           '2026-03-05T18:30:00Z', '2026-04-01T02:00:00Z')`);
      await migrate(handle, MIGRATIONS_FOLDER);

      const table = rowsOf<{ n: number }>(
        await db.execute(
          sql`select count(*)::int as n from information_schema.tables where table_name = 'fake_reports'`,
        ),
      );
      expect(table[0]!.n).toBe(0);
      const rows = rowsOf<Record<string, unknown>>(
        await db.execute(sql`select id, code, kind, status, organisation_id, submitter_email, anonymous, title, body,
            details, due_on::text as due_on, closed_at, outcome, outcome_note, closed_late
          from cases order by code`),
      );
      expect(rows.map((r) => [r.code, r.kind, r.status, r.outcome])).toEqual([
        ["VB-AAAAA-11111", "fake_report", "received", null],
        ["VB-BBBBB-22222", "fake_report", "in_progress", null],
        ["VB-CCCCC-33333", "fake_report", "resolved", "genuine"],
        ["VB-DDDDD-44444", "fake_report", "resolved", "fake"],
      ]);
      expect(rows[0]).toMatchObject({
        id: "6f1d2c3b-0000-4000-8000-0000000000a1",
        organisation_id: "6f1d2c3b-0000-4000-8000-000000000001",
        submitter_email: "nguoi.bao@example.vn",
        anonymous: true,
        body: "Ứng viên nộp bản này khi xin việc.",
        title: "Ứng viên nộp bản này khi xin việc.",
        due_on: "2026-03-16",
        closed_at: null,
      });
      expect(rows[0]!.details).toMatchObject({ qr: "CĐ-123", verdict: "revoked" });
      expect(rows[2]).toMatchObject({ outcome_note: "Văn bằng thật.", closed_late: false });
      expect(rows[2]!.closed_at).toBeTruthy();
      // Received at 01:30 on 6 March in Vietnam (18:30 UTC the day before): due 20 March, closed 1 April: late.
      expect(rows[3]).toMatchObject({ due_on: "2026-03-20", outcome_note: "Đã chuyển công an.", closed_late: true });
      const events = rowsOf<{ code: string; type: string; to_status: string; public_note: string | null }>(
        await db.execute(sql`select c.code, e.type, e.to_status, e.public_note from case_events e
          join cases c on c.id = e.case_id order by c.code, e.at, e.id`),
      );
      expect(events.map((e) => `${e.code} ${e.type} ${e.to_status}`)).toEqual([
        "VB-AAAAA-11111 submitted received",
        "VB-BBBBB-22222 submitted received",
        "VB-BBBBB-22222 accept in_progress",
        "VB-CCCCC-33333 submitted received",
        "VB-CCCCC-33333 resolve resolved",
        "VB-DDDDD-44444 submitted received",
        "VB-DDDDD-44444 resolve resolved",
      ]);
      expect(events.find((e) => e.code === "VB-DDDDD-44444" && e.type === "resolve")!.public_note).toBe(
        "Đã chuyển công an.",
      );
    } finally {
      await drop();
      await rm(before, { recursive: true, force: true });
    }
  }, 120_000);
});
