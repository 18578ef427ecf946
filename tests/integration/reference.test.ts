/**
 * Reference data against a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): the shipped data, the
 * administrator's edits with their audit rows, the all-or-nothing programme import, and unaccented search.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { asc, count, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  fields,
  programmeGroups,
  programmeOccupations,
  programmes,
  provinces,
  trainingLevels,
} from "~db/schema";
import type { Database } from "~/lib/db.server";
import type { AuditActor } from "~/modules/audit/record-audit.server";
import { editCrosswalk } from "~/modules/reference/edit-crosswalk.server";
import { importProgrammes } from "~/modules/reference/import-programmes.server";
import { loadReferenceData } from "~/modules/reference/load-reference-data.server";
import { listProgrammes } from "~/modules/reference/queries.server";
import { saveField } from "~/modules/reference/save-field.server";
import { saveProgrammeGroup } from "~/modules/reference/save-programme-group.server";
import { createProgramme, setProgrammeActive, updateProgramme } from "~/modules/reference/save-programme.server";
import { ProgrammeListQuerySchema } from "~/modules/reference/schema";
import { updateProvince } from "~/modules/reference/update-province.server";
import { updateTrainingLevel } from "~/modules/reference/update-training-level.server";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const actor: AuditActor = { userId: null, ip: "203.0.113.9" };
const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, "../fixtures", name)));

async function countOf(
  db: Database,
  table:
    | typeof provinces
    | typeof trainingLevels
    | typeof fields
    | typeof programmes
    | typeof programmeGroups
    | typeof programmeOccupations
    | typeof auditLog,
) {
  const [row] = await db.select({ n: count() }).from(table);
  return row?.n ?? 0;
}

async function auditRows(db: Database) {
  return db.select().from(auditLog).orderBy(asc(auditLog.id));
}

/** Everything the import may touch, to prove that a rejected file touched nothing. */
async function snapshot(db: Database) {
  return {
    programmes: await db.select().from(programmes).orderBy(asc(programmes.code)),
    groups: await db.select().from(programmeGroups).orderBy(asc(programmeGroups.code)),
    audit: await auditRows(db),
  };
}

const search = (q: Record<string, string>) => ProgrammeListQuerySchema.parse(q);

describe(`reference data (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  describe("shipped data", () => {
    it("has 34 provinces, 4 levels, 23 fields and 43 programmes with their hierarchy", async () => {
      expect(await countOf(t.db, provinces)).toBe(34);
      expect(await countOf(t.db, trainingLevels)).toBe(4);
      expect(await countOf(t.db, fields)).toBe(23);
      expect(await countOf(t.db, programmes)).toBe(43);
      const [it6480201] = await t.db.select().from(programmes).where(eq(programmes.code, "6480201"));
      expect(it6480201).toMatchObject({
        levelCode: "cao_dang",
        fieldCode: "48",
        groupCode: "4802",
        programmeKey: "480201",
        source: "sourced",
        active: true,
      });
      const [group] = await t.db.select().from(programmeGroups).where(eq(programmeGroups.code, "4802"));
      expect(group?.fieldCode).toBe("48");
    });

    it("has the proposed crosswalk: one row per programme key and VSCO unit group", async () => {
      expect(await countOf(t.db, programmeOccupations)).toBe(17);
      const it480201 = await t.db
        .select({ vsco: programmeOccupations.vscoCode, status: programmeOccupations.status })
        .from(programmeOccupations)
        .where(eq(programmeOccupations.programmeKey, "480201"))
        .orderBy(asc(programmeOccupations.vscoCode));
      expect(it480201).toEqual([
        { vsco: "3511", status: "proposed" },
        { vsco: "3512", status: "proposed" },
      ]);
    });

    it("keeps the administrator's edits when the loader runs again (every start-up)", async () => {
      await updateProvince(t.db, {
        input: { code: "01", nameVi: "Thủ đô Hà Nội", nameEn: "Hanoi", kind: "thành phố" },
        actor,
      });
      await updateProgramme(t.db, {
        code: "6480201",
        input: { nameVi: "Công nghệ thông tin (sửa)", nameEn: null, source: "sourced" },
        actor,
      });
      await setProgrammeActive(t.db, { code: "5480209", active: false, actor });
      await editCrosswalk(t.db, { edit: { intent: "remove", programmeKey: "520123", vscoCode: "7212" }, actor });

      await loadReferenceData(t.db);

      const [hanoi] = await t.db.select().from(provinces).where(eq(provinces.code, "01"));
      expect(hanoi?.nameVi).toBe("Thủ đô Hà Nội");
      const rows = await t.db
        .select()
        .from(programmes)
        .where(inArray(programmes.code, ["6480201", "5480209"]))
        .orderBy(asc(programmes.code));
      expect(rows.map((r) => [r.code, r.nameVi, r.active])).toEqual([
        ["5480209", "Quản trị mạng máy tính", false],
        ["6480201", "Công nghệ thông tin (sửa)", true],
      ]);
      expect(await countOf(t.db, programmeOccupations)).toBe(16);
    });
  });

  describe("edits", () => {
    it("writes an audit row for a programme edit, none when nothing changed", async () => {
      const before = (await auditRows(t.db)).length;
      const edited = await updateProgramme(t.db, {
        code: "6340301",
        input: { nameVi: "Kế toán", nameEn: "Accounting", source: "sourced" },
        actor,
      });
      expect(edited).toEqual({ ok: true, value: { changed: true } });
      const again = await updateProgramme(t.db, {
        code: "6340301",
        input: { nameVi: "Kế toán", nameEn: "Accounting", source: "sourced" },
        actor,
      });
      expect(again).toEqual({ ok: true, value: { changed: false } });

      const audit = (await auditRows(t.db)).slice(before);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: "programme.update",
        entityType: "programme",
        entityId: "6340301",
        actorIp: "203.0.113.9",
        details: { nameEn: { from: null, to: "Accounting" } },
      });
    });

    it("does not let a 7-digit programme change level, but lets a legacy one", async () => {
      await updateProgramme(t.db, {
        code: "6340301",
        input: { nameVi: "Kế toán", nameEn: null, levelCode: "trung_cap", source: "sourced" },
        actor,
      });
      const [cd] = await t.db.select().from(programmes).where(eq(programmes.code, "6340301"));
      expect(cd?.levelCode).toBe("cao_dang");

      const created = await createProgramme(t.db, {
        input: { code: "40510106", nameVi: "Điện dân dụng", nameEn: null, levelCode: "so_cap", source: "admin" },
        actor,
      });
      expect(created.ok).toBe(true);
      await updateProgramme(t.db, {
        code: "40510106",
        input: { nameVi: "Điện dân dụng", nameEn: null, levelCode: "trung_cap", source: "admin" },
        actor,
      });
      const [legacy] = await t.db.select().from(programmes).where(eq(programmes.code, "40510106"));
      expect(legacy).toMatchObject({ levelCode: "trung_cap", isLegacy: true, fieldCode: null });
    });

    it("deactivates a programme instead of deleting it, with an audit row each way", async () => {
      const before = (await auditRows(t.db)).length;
      expect(await setProgrammeActive(t.db, { code: "6340116", active: false, actor })).toEqual({
        ok: true,
        value: { changed: true },
      });
      expect(await setProgrammeActive(t.db, { code: "6340116", active: false, actor })).toEqual({
        ok: true,
        value: { changed: false },
      });
      expect(await setProgrammeActive(t.db, { code: "6340116", active: true, actor })).toEqual({
        ok: true,
        value: { changed: true },
      });
      expect((await auditRows(t.db)).slice(before).map((a) => a.action)).toEqual([
        "programme.deactivate",
        "programme.activate",
      ]);
      expect(await countOf(t.db, programmes)).toBe(43);
      expect(await setProgrammeActive(t.db, { code: "6999999", active: false, actor })).toMatchObject({
        ok: false,
        code: "not_found",
      });
    });

    it("creates a programme with its missing group, and refuses one that breaks the code rules", async () => {
      const created = await createProgramme(t.db, {
        input: {
          code: "6520301",
          nameVi: "Bảo trì thiết bị cơ khí",
          nameEn: null,
          levelCode: "cao_dang",
          source: "admin",
        },
        actor,
      });
      expect(created).toEqual({ ok: true, value: { code: "6520301" } });
      const [group] = await t.db.select().from(programmeGroups).where(eq(programmeGroups.code, "5203"));
      expect(group).toMatchObject({ fieldCode: "52", nameVi: null });

      const mismatch = await createProgramme(t.db, {
        input: { code: "5520302", nameVi: "X", nameEn: null, levelCode: "cao_dang", source: "admin" },
        actor,
      });
      expect(mismatch).toMatchObject({
        ok: false,
        code: "level_mismatch",
        fieldErrors: { levelCode: "reference.error.level_mismatch" },
      });
      const unknownField = await createProgramme(t.db, {
        input: { code: "6990101", nameVi: "X", nameEn: null, levelCode: "cao_dang", source: "admin" },
        actor,
      });
      expect(unknownField).toMatchObject({
        ok: false,
        code: "unknown_field",
        fieldErrors: { code: "reference.error.unknown_field" },
      });
      const taken = await createProgramme(t.db, {
        input: { code: "6480201", nameVi: "X", nameEn: null, levelCode: "cao_dang", source: "admin" },
        actor,
      });
      expect(taken).toMatchObject({ ok: false, code: "code_taken" });
      expect(await countOf(t.db, programmes)).toBe(44);
    });

    it("edits provinces, levels, fields and groups, each with its audit row", async () => {
      const before = (await auditRows(t.db)).length;
      expect(
        (
          await updateProvince(t.db, {
            input: { code: "79", nameVi: "Thành phố Hồ Chí Minh", nameEn: "Ho Chi Minh City", kind: "thành phố" },
            actor,
          })
        ).ok,
      ).toBe(true);
      expect(
        (
          await updateTrainingLevel(t.db, {
            input: { code: "so_cap", nameVi: "Sơ cấp", nameEn: "Elementary level" },
            actor,
          })
        ).ok,
      ).toBe(true);
      expect(
        (
          await saveField(t.db, {
            mode: "create",
            input: { code: "90", nameVi: "Lĩnh vực thử", nameEn: null, caoDangTitle: "cử nhân thực hành" },
            actor,
          })
        ).ok,
      ).toBe(true);
      expect(
        await saveField(t.db, {
          mode: "create",
          input: { code: "48", nameVi: "Trùng", nameEn: null, caoDangTitle: "kỹ sư thực hành" },
          actor,
        }),
      ).toMatchObject({ ok: false, code: "code_taken" });
      expect(
        (
          await saveProgrammeGroup(t.db, {
            mode: "update",
            input: { code: "4802", nameVi: "Công nghệ thông tin" },
            actor,
          })
        ).ok,
      ).toBe(true);
      expect(
        await saveProgrammeGroup(t.db, { mode: "create", input: { code: "9901", nameVi: null }, actor }),
      ).toMatchObject({ ok: false, code: "unknown_field" });
      expect(
        await updateProvince(t.db, { input: { code: "99", nameVi: "Không có", nameEn: null, kind: "tỉnh" }, actor }),
      ).toMatchObject({ ok: false, code: "not_found" });

      expect((await auditRows(t.db)).slice(before).map((a) => [a.action, a.entityId])).toEqual([
        ["province.update", "79"],
        ["training-level.update", "so_cap"],
        ["field.create", "90"],
        ["programme-group.update", "4802"],
      ]);
    });

    it("edits the crosswalk: add, confirm, remove, each audited; refuses unknown keys and duplicates", async () => {
      const before = (await auditRows(t.db)).length;
      const add = await editCrosswalk(t.db, {
        edit: { intent: "add", programmeKey: "340116", vscoCode: "2431", status: "proposed" },
        actor,
      });
      expect(add).toEqual({ ok: true, value: { changed: true } });
      expect(
        await editCrosswalk(t.db, {
          edit: { intent: "add", programmeKey: "340116", vscoCode: "2431", status: "proposed" },
          actor,
        }),
      ).toMatchObject({
        ok: false,
        code: "already_linked",
      });
      expect(
        await editCrosswalk(t.db, {
          edit: { intent: "add", programmeKey: "999999", vscoCode: "2431", status: "proposed" },
          actor,
        }),
      ).toMatchObject({
        ok: false,
        code: "unknown_programme",
      });
      await editCrosswalk(t.db, {
        edit: { intent: "set-status", programmeKey: "340116", vscoCode: "2431", status: "confirmed" },
        actor,
      });
      const [pair] = await t.db
        .select()
        .from(programmeOccupations)
        .where(eq(programmeOccupations.programmeKey, "340116"));
      expect(pair?.status).toBe("confirmed");
      await editCrosswalk(t.db, { edit: { intent: "remove", programmeKey: "340116", vscoCode: "2431" }, actor });
      expect(
        await editCrosswalk(t.db, { edit: { intent: "remove", programmeKey: "340116", vscoCode: "2431" }, actor }),
      ).toMatchObject({ ok: false, code: "not_found" });
      expect((await auditRows(t.db)).slice(before).map((a) => a.action)).toEqual([
        "crosswalk.add",
        "crosswalk.set-status",
        "crosswalk.remove",
      ]);
    });
  });

  describe("programme import", () => {
    it("imports nothing from an invalid file and reports each row", async () => {
      const before = await snapshot(t.db);
      const result = await importProgrammes(t.db, {
        file: fixture("programmes-import-invalid.csv"),
        fileName: "invalid.csv",
        actor,
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.report.invalidRowCount).toBe(10);
      expect(result.report.issues.find((i) => i.row === 6)).toMatchObject({
        code: "unknown_field",
        params: { fieldCode: "99" },
      });
      expect(await snapshot(t.db)).toEqual(before);
    });

    it("imports a valid file in one go: creates, updates, creates groups, ONE audit row", async () => {
      const before = (await auditRows(t.db)).length;
      const result = await importProgrammes(t.db, {
        file: fixture("programmes-import-valid.csv"),
        fileName: "danh-muc.csv",
        actor,
      });
      expect(result).toEqual({
        ok: true,
        value: { rowCount: 7, created: 4, updated: 2, unchanged: 1, groupsCreated: 1, dryRun: false },
      });
      expect(await countOf(t.db, programmes)).toBe(47);

      const rows = await t.db
        .select()
        .from(programmes)
        .where(inArray(programmes.code, ["6480201", "6340202", "6520301", "40510106", "5810205"]))
        .orderBy(asc(programmes.code));
      expect(rows.map((r) => [r.code, r.nameVi, r.nameEn, r.levelCode, r.source, r.groupCode])).toEqual([
        ["40510106", "Điện dân dụng", null, "so_cap", "imported", null],
        ["5810205", "Kỹ thuật pha chế đồ uống", "Beverage preparation", "trung_cap", "imported", "8102"],
        // An empty source cell keeps the programme's source.
        ["6340202", "Tài chính - Ngân hàng", "Finance and banking", "cao_dang", "sourced", "3402"],
        ["6480201", "Công nghệ thông tin", "Information technology", "cao_dang", "sourced", "4802"],
        ["6520301", "Bảo trì, sửa chữa thiết bị cơ khí", null, "cao_dang", "imported", "5203"],
      ]);
      const [group] = await t.db.select().from(programmeGroups).where(eq(programmeGroups.code, "5203"));
      expect(group?.fieldCode).toBe("52");

      const audit = (await auditRows(t.db)).slice(before);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: "programme.import",
        entityType: "programme",
        details: { fileName: "danh-muc.csv", rows: 7, created: 4, updated: 2, unchanged: 1, groupsCreated: 1 },
      });
      expect(String(audit[0]?.details?.sha256)).toMatch(/^[0-9a-f]{64}$/);

      // The same file again changes nothing, and so records nothing.
      const again = await importProgrammes(t.db, {
        file: fixture("programmes-import-valid.csv"),
        fileName: "danh-muc.csv",
        actor,
      });
      expect(again).toMatchObject({ ok: true, value: { created: 0, updated: 0, unchanged: 7 } });
      expect((await auditRows(t.db)).slice(before)).toHaveLength(1);
    });

    it("leaves programmes missing from the file, and their active flag, alone", async () => {
      await setProgrammeActive(t.db, { code: "6480201", active: false, actor });
      await importProgrammes(t.db, {
        file: "code,name_vi,level\n6480201,Công nghệ thông tin mới,cao đẳng\n",
        fileName: "one.csv",
        actor,
      });
      const [p] = await t.db.select().from(programmes).where(eq(programmes.code, "6480201"));
      expect(p).toMatchObject({ nameVi: "Công nghệ thông tin mới", active: false });
      expect(await countOf(t.db, programmes)).toBe(43);
    });

    it("checks without writing on a dry run", async () => {
      const before = await snapshot(t.db);
      const result = await importProgrammes(t.db, {
        file: fixture("programmes-import-valid.csv"),
        fileName: "danh-muc.csv",
        dryRun: true,
        actor,
      });
      expect(result).toMatchObject({ ok: true, value: { created: 4, updated: 2, dryRun: true } });
      expect(await snapshot(t.db)).toEqual(before);
    });

    it("checks field codes against the fields table as it is now", async () => {
      const file = "code,name_vi,level\n6900101,Ngành thử,cao đẳng\n";
      expect((await importProgrammes(t.db, { file, fileName: "f.csv", actor })).ok).toBe(false);
      await saveField(t.db, {
        mode: "create",
        input: { code: "90", nameVi: "Lĩnh vực thử", nameEn: null, caoDangTitle: "cử nhân thực hành" },
        actor,
      });
      expect(await importProgrammes(t.db, { file, fileName: "f.csv", actor })).toMatchObject({
        ok: true,
        value: { created: 1, groupsCreated: 1 },
      });
    });
  });

  describe("programme list", () => {
    it("finds programmes without diacritics, by code prefix and by filters", async () => {
      const names = async (q: Record<string, string>) =>
        (await listProgrammes(t.db, search(q))).rows.map((r) => r.code);
      expect(await names({ q: "cong nghe thong tin" })).toEqual(["6480201", "5480202"]);
      expect(await names({ q: "dien cong nghiep" })).toEqual(["5520227", "6520227"]);
      expect(await names({ q: "KẾ TOÁN" })).toEqual(["6340301", "5340302", "6340302"]);
      expect(await names({ q: "6810" })).toEqual(["6810103", "6810201", "6810207"]);
      expect(await names({ q: "100%_" })).toEqual([]);
      expect(await names({ level: "trung_cap", field: "48" })).toEqual(["5480202", "5480209"]);
      await setProgrammeActive(t.db, { code: "6340116", active: false, actor });
      expect(await names({ status: "inactive" })).toEqual(["6340116"]);
    });

    it("orders by field, group and programme, with the levels of one programme together, and pages", async () => {
      const first = await listProgrammes(t.db, search({}));
      expect(first.total).toBe(43);
      expect(first.rows).toHaveLength(43);
      const fieldsInOrder = first.rows.map((r) => r.fieldCode);
      expect(fieldsInOrder).toEqual([...fieldsInOrder].sort());
      const accounting = first.rows.map((r) => r.code).filter((c) => c.endsWith("340302"));
      expect(accounting).toEqual(["5340302", "6340302"]);

      for (let i = 50; i < 90; i++) {
        await createProgramme(t.db, {
          input: { code: `64802${i}`, nameVi: `Ngành ${i}`, nameEn: null, levelCode: "cao_dang", source: "admin" },
          actor,
        });
      }
      const page2 = await listProgrammes(t.db, search({ page: "2" }));
      expect(page2.total).toBe(83);
      expect(page2.rows).toHaveLength(33);
    });

    it("drops malformed URL parameters instead of passing them on", () => {
      expect(search({ page: "-3", level: "'; drop table", field: "4", status: "x", q: "  Công   nghệ " })).toEqual({
        page: 1,
        level: undefined,
        field: undefined,
        status: "all",
        q: "Công nghệ",
      });
    });
  });
});
