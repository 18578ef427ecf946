import path from "node:path";
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import {
  fields,
  occupations,
  programmeGroups,
  programmeOccupations,
  programmes,
  provinceNeighbours,
  provinces,
  trainingLevels,
} from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { TRAINING_LEVELS, levelCodeFromName } from "./levels";
import { parseProgrammeCode } from "./programme-code";

const REFERENCE_DIR = path.resolve(process.cwd(), "db/reference");

async function readCsv(file: string): Promise<Record<string, string>[]> {
  const text = await readFile(path.join(REFERENCE_DIR, file), "utf8");
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
}

/**
 * Loads the reference data shipped in db/reference/ into an empty database. It runs once: afterwards the
 * tables belong to the ministry administrator, whose edits (and deletions) must survive every restart.
 */
export async function loadReferenceData(db: Executor): Promise<void> {
  const existing = await db.select({ code: provinces.code }).from(provinces).limit(1);
  if (existing.length > 0) {
    await loadOccupations(db);
    return loadProvinceNeighbours(db);
  }
  const [provinceRows, fieldRows, programmeRows, crosswalkRows] = await Promise.all([
    readCsv("provinces-2025.csv"),
    readCsv("fields.csv"),
    readCsv("programmes-sample.csv"),
    readCsv("programme-to-occupation.csv"),
  ]);

  await db.transaction(async (tx) => {
    await tx
      .insert(provinces)
      .values(provinceRows.map((r) => ({ code: r.code!, nameVi: r.name_vi!, kind: r.kind! })))
      .onConflictDoNothing();
    await tx
      .insert(trainingLevels)
      .values(TRAINING_LEVELS.map((l) => ({ ...l })))
      .onConflictDoNothing();
    await tx
      .insert(fields)
      .values(fieldRows.map((r) => ({ code: r.field_code!, nameVi: r.name_vi!, caoDangTitle: r.cao_dang_title! })))
      .onConflictDoNothing();

    const programmeValues = programmeRows.map((r) => {
      const parsed = parseProgrammeCode(r.code!);
      const levelCode = levelCodeFromName(r.level!);
      if (!parsed.ok || !levelCode) throw new Error(`db/reference/programmes-sample.csv: bad row ${r.code}`);
      return parsed.kind === "current"
        ? {
            code: parsed.code,
            nameVi: r.name_vi!,
            levelCode,
            fieldCode: parsed.fieldCode,
            groupCode: parsed.groupCode,
            programmeKey: parsed.programmeKey,
            source: r.source!,
          }
        : { code: parsed.code, nameVi: r.name_vi!, levelCode, isLegacy: true, source: r.source! };
    });
    const groups = new Map<string, string>();
    for (const p of programmeValues) if (p.groupCode && p.fieldCode) groups.set(p.groupCode, p.fieldCode);
    await tx
      .insert(programmeGroups)
      .values([...groups].map(([code, fieldCode]) => ({ code, fieldCode })))
      .onConflictDoNothing();
    await tx.insert(programmes).values(programmeValues).onConflictDoNothing();

    const crosswalk = crosswalkRows.flatMap((r) =>
      r.vsco_unit_groups!.split(";").map((vsco) => ({
        programmeKey: r.programme_key!,
        vscoCode: vsco.trim(),
        status: r.status ?? "proposed",
      })),
    );
    await tx.insert(programmeOccupations).values(crosswalk).onConflictDoNothing();
  });
  await loadOccupations(db);
  await loadProvinceNeighbours(db);
}

/** Occupation names arrived with job postings by name: loaded from db/reference/occupations-vsco.csv while the table is empty. */
async function loadOccupations(db: Executor): Promise<void> {
  const any = await db.select({ code: occupations.code }).from(occupations).limit(1);
  if (any.length > 0) return;
  const rows = (await readCsv("occupations-vsco.csv")).map((r) => ({
    code: r.code!,
    nameVi: r.name_vi!,
    nameEn: r.name_en || null,
  }));
  if (rows.length > 0) await db.insert(occupations).values(rows).onConflictDoNothing();
}

/**
 * Neighbouring provinces arrived after the first reference tables (migration 0006): loaded from
 * db/reference/province-neighbours.csv (both directions) while the table is empty, for provinces that exist.
 */
async function loadProvinceNeighbours(db: Executor): Promise<void> {
  const any = await db.select({ code: provinceNeighbours.provinceCode }).from(provinceNeighbours).limit(1);
  if (any.length > 0) return;
  const known = new Set((await db.select({ code: provinces.code }).from(provinces)).map((p) => p.code));
  const rows = (await readCsv("province-neighbours.csv"))
    .filter((r) => known.has(r.province_code!) && known.has(r.neighbour_code!))
    .flatMap((r) => [
      { provinceCode: r.province_code!, neighbourCode: r.neighbour_code! },
      { provinceCode: r.neighbour_code!, neighbourCode: r.province_code! },
    ]);
  if (rows.length > 0) await db.insert(provinceNeighbours).values(rows).onConflictDoNothing();
}
