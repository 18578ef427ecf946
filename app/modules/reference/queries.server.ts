import { and, asc, count, desc, eq, ilike, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import {
  fields,
  programmeGroups,
  programmeOccupations,
  programmes,
  provinces,
  trainingLevels,
  type Field,
  type Programme,
  type ProgrammeGroup,
  type Province,
  type TrainingLevel,
} from "../../../db/schema";
import { type Executor, withDefaultDb } from "~/lib/db.server";
import type { LevelInfo } from "./levels";
import { PROGRAMME_PAGE_SIZE, type CrosswalkStatus, type ProgrammeListQuery } from "./schema";

/** The only place the reference area touches the database. Every function takes the executor first. */

// ---------------------------------------------------------------------------------------------------------------
// Provinces

export const listProvinces = withDefaultDb(async function listProvinces(db: Executor) {
  return db
    .select({ code: provinces.code, nameVi: provinces.nameVi, nameEn: provinces.nameEn, kind: provinces.kind })
    .from(provinces)
    .orderBy(asc(provinces.code));
});

export async function findProvince(db: Executor, code: string): Promise<Province | null> {
  const [row] = await db.select().from(provinces).where(eq(provinces.code, code)).limit(1);
  return row ?? null;
}

export async function updateProvinceRow(
  db: Executor,
  code: string,
  values: Pick<Province, "nameVi" | "nameEn" | "kind">,
) {
  await db
    .update(provinces)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(provinces.code, code));
}

// ---------------------------------------------------------------------------------------------------------------
// Training levels

export const listTrainingLevels = withDefaultDb(async function listTrainingLevels(
  db: Executor,
): Promise<TrainingLevel[]> {
  return db.select().from(trainingLevels).orderBy(asc(trainingLevels.rank));
});

export async function findTrainingLevel(db: Executor, code: string): Promise<TrainingLevel | null> {
  const [row] = await db.select().from(trainingLevels).where(eq(trainingLevels.code, code)).limit(1);
  return row ?? null;
}

export async function updateTrainingLevelRow(
  db: Executor,
  code: string,
  values: Pick<TrainingLevel, "nameVi" | "nameEn">,
) {
  await db
    .update(trainingLevels)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(trainingLevels.code, code));
}

// ---------------------------------------------------------------------------------------------------------------
// Fields (cấp II)

export const listFields = withDefaultDb(async function listFields(db: Executor) {
  const programmeCounts = db
    .select({ fieldCode: programmes.fieldCode, n: count().as("programme_count") })
    .from(programmes)
    .where(isNotNull(programmes.fieldCode))
    .groupBy(programmes.fieldCode)
    .as("pc");
  return db
    .select({
      code: fields.code,
      nameVi: fields.nameVi,
      nameEn: fields.nameEn,
      caoDangTitle: fields.caoDangTitle,
      programmeCount: sql<number>`coalesce(${programmeCounts.n}, 0)::int`,
    })
    .from(fields)
    .leftJoin(programmeCounts, eq(programmeCounts.fieldCode, fields.code))
    .orderBy(asc(fields.code));
});

export async function findField(db: Executor, code: string): Promise<Field | null> {
  const [row] = await db.select().from(fields).where(eq(fields.code, code)).limit(1);
  return row ?? null;
}

export async function insertField(db: Executor, values: Pick<Field, "code" | "nameVi" | "nameEn" | "caoDangTitle">) {
  const inserted = await db.insert(fields).values(values).onConflictDoNothing().returning({ code: fields.code });
  return inserted.length === 1;
}

export async function updateFieldRow(
  db: Executor,
  code: string,
  values: Pick<Field, "nameVi" | "nameEn" | "caoDangTitle">,
) {
  await db
    .update(fields)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(fields.code, code));
}

// ---------------------------------------------------------------------------------------------------------------
// Programme groups (cấp III)

export const listProgrammeGroups = withDefaultDb(async function listProgrammeGroups(
  db: Executor,
  options: { fieldCode?: string } = {},
) {
  const programmeCounts = db
    .select({ groupCode: programmes.groupCode, n: count().as("programme_count") })
    .from(programmes)
    .where(isNotNull(programmes.groupCode))
    .groupBy(programmes.groupCode)
    .as("pc");
  return db
    .select({
      code: programmeGroups.code,
      fieldCode: programmeGroups.fieldCode,
      fieldNameVi: fields.nameVi,
      fieldNameEn: fields.nameEn,
      nameVi: programmeGroups.nameVi,
      programmeCount: sql<number>`coalesce(${programmeCounts.n}, 0)::int`,
    })
    .from(programmeGroups)
    .innerJoin(fields, eq(fields.code, programmeGroups.fieldCode))
    .leftJoin(programmeCounts, eq(programmeCounts.groupCode, programmeGroups.code))
    .where(options.fieldCode ? eq(programmeGroups.fieldCode, options.fieldCode) : undefined)
    .orderBy(asc(programmeGroups.code));
});

export async function findProgrammeGroup(db: Executor, code: string): Promise<ProgrammeGroup | null> {
  const [row] = await db.select().from(programmeGroups).where(eq(programmeGroups.code, code)).limit(1);
  return row ?? null;
}

export async function listProgrammeGroupCodes(db: Executor): Promise<string[]> {
  return (await db.select({ code: programmeGroups.code }).from(programmeGroups)).map((g) => g.code);
}

/** Creates the groups that do not exist yet; returns the codes it created. */
export async function insertMissingProgrammeGroups(
  db: Executor,
  groups: { code: string; fieldCode: string; nameVi?: string | null }[],
) {
  if (groups.length === 0) return [];
  const inserted = await db
    .insert(programmeGroups)
    .values(groups.map((g) => ({ code: g.code, fieldCode: g.fieldCode, nameVi: g.nameVi ?? null })))
    .onConflictDoNothing()
    .returning({ code: programmeGroups.code });
  return inserted.map((g) => g.code);
}

export async function updateProgrammeGroupRow(db: Executor, code: string, values: Pick<ProgrammeGroup, "nameVi">) {
  await db
    .update(programmeGroups)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(programmeGroups.code, code));
}

// ---------------------------------------------------------------------------------------------------------------
// Programmes (cấp IV)

/** What the programme rules need: the levels (with their code digits) and the field codes in force. */
export async function loadProgrammeRulesContext(
  db: Executor,
): Promise<{ levels: LevelInfo[]; fieldCodes: Set<string> }> {
  const [levelRows, fieldRows] = await Promise.all([
    db
      .select({
        code: trainingLevels.code,
        nameVi: trainingLevels.nameVi,
        nameEn: trainingLevels.nameEn,
        codeDigit: trainingLevels.codeDigit,
      })
      .from(trainingLevels)
      .orderBy(asc(trainingLevels.rank)),
    db.select({ code: fields.code }).from(fields),
  ]);
  return { levels: levelRows, fieldCodes: new Set(fieldRows.map((f) => f.code)) };
}

/** LIKE pattern text with its wildcards escaped. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function programmeFilter(query: Omit<ProgrammeListQuery, "page">): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (query.q) {
    const term = likeEscape(query.q);
    // unaccent on both sides, so "cong nghe" finds "Công nghệ" (and "đ" matches "d").
    conditions.push(
      or(
        ilike(programmes.code, `${term}%`),
        ilike(programmes.programmeKey, `${term}%`),
        sql`unaccent(${programmes.nameVi}) ilike unaccent(${`%${term}%`})`,
        sql`unaccent(coalesce(${programmes.nameEn}, '')) ilike unaccent(${`%${term}%`})`,
      ),
    );
  }
  if (query.level) conditions.push(eq(programmes.levelCode, query.level));
  if (query.field === "legacy") conditions.push(eq(programmes.isLegacy, true));
  else if (query.field) conditions.push(eq(programmes.fieldCode, query.field));
  if (query.status === "active") conditions.push(eq(programmes.active, true));
  if (query.status === "inactive") conditions.push(eq(programmes.active, false));
  return and(...conditions);
}

/** A page of programmes in hierarchy order: field → group → programme (the levels of one programme together). */
export const listProgrammes = withDefaultDb(async function listProgrammes(db: Executor, query: ProgrammeListQuery) {
  const where = programmeFilter(query);
  const pageSize = PROGRAMME_PAGE_SIZE;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        code: programmes.code,
        nameVi: programmes.nameVi,
        nameEn: programmes.nameEn,
        levelCode: programmes.levelCode,
        levelNameVi: trainingLevels.nameVi,
        levelNameEn: trainingLevels.nameEn,
        fieldCode: programmes.fieldCode,
        fieldNameVi: fields.nameVi,
        fieldNameEn: fields.nameEn,
        groupCode: programmes.groupCode,
        groupNameVi: programmeGroups.nameVi,
        programmeKey: programmes.programmeKey,
        isLegacy: programmes.isLegacy,
        source: programmes.source,
        active: programmes.active,
      })
      .from(programmes)
      .innerJoin(trainingLevels, eq(trainingLevels.code, programmes.levelCode))
      .leftJoin(fields, eq(fields.code, programmes.fieldCode))
      .leftJoin(programmeGroups, eq(programmeGroups.code, programmes.groupCode))
      .where(where)
      .orderBy(
        asc(programmes.isLegacy),
        asc(programmes.fieldCode),
        asc(programmes.groupCode),
        asc(programmes.programmeKey),
        asc(trainingLevels.rank),
        asc(programmes.code),
      )
      .limit(pageSize)
      .offset((query.page - 1) * pageSize),
    db.select({ n: count() }).from(programmes).where(where),
  ]);
  return { rows, total: total?.n ?? 0, pageSize };
});

export const findProgramme = withDefaultDb(async function findProgramme(db: Executor, code: string) {
  const [row] = await db
    .select({
      programme: programmes,
      levelNameVi: trainingLevels.nameVi,
      levelNameEn: trainingLevels.nameEn,
      fieldNameVi: fields.nameVi,
      fieldNameEn: fields.nameEn,
      groupNameVi: programmeGroups.nameVi,
    })
    .from(programmes)
    .innerJoin(trainingLevels, eq(trainingLevels.code, programmes.levelCode))
    .leftJoin(fields, eq(fields.code, programmes.fieldCode))
    .leftJoin(programmeGroups, eq(programmeGroups.code, programmes.groupCode))
    .where(eq(programmes.code, code))
    .limit(1);
  return row ?? null;
});

export type NewProgramme = Pick<
  Programme,
  "code" | "nameVi" | "nameEn" | "levelCode" | "fieldCode" | "groupCode" | "programmeKey" | "isLegacy" | "source"
>;

/** Inserts a programme; false when the code is taken. */
export async function insertProgramme(db: Executor, values: NewProgramme): Promise<boolean> {
  const inserted = await db
    .insert(programmes)
    .values(values)
    .onConflictDoNothing()
    .returning({ code: programmes.code });
  return inserted.length === 1;
}

export async function updateProgrammeRow(
  db: Executor,
  code: string,
  values: Partial<Pick<Programme, "nameVi" | "nameEn" | "levelCode" | "source" | "active">>,
) {
  await db
    .update(programmes)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(programmes.code, code));
}

/** Every programme, for the import to tell new rows from changed and unchanged ones. */
export async function listProgrammeSnapshots(db: Executor) {
  return db
    .select({
      code: programmes.code,
      nameVi: programmes.nameVi,
      nameEn: programmes.nameEn,
      levelCode: programmes.levelCode,
      source: programmes.source,
    })
    .from(programmes);
}

/** Inserts or overwrites programmes (names, level, source), in batches that stay under the parameter limit. */
export async function upsertProgrammes(db: Executor, rows: NewProgramme[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(programmes)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: programmes.code,
        set: {
          nameVi: sql`excluded.name_vi`,
          nameEn: sql`excluded.name_en`,
          levelCode: sql`excluded.level_code`,
          source: sql`excluded.source`,
          updatedAt: sql`now()`,
        },
      });
  }
}

export async function programmeKeyExists(db: Executor, programmeKey: string): Promise<boolean> {
  const [row] = await db
    .select({ code: programmes.code })
    .from(programmes)
    .where(eq(programmes.programmeKey, programmeKey))
    .limit(1);
  return Boolean(row);
}

// ---------------------------------------------------------------------------------------------------------------
// Programme → occupation crosswalk (VSCO 2020 unit groups)

/** The crosswalk, with a name for each programme key (the highest level's name when levels differ). */
export const listCrosswalk = withDefaultDb(async function listCrosswalk(db: Executor) {
  const pairs = await db
    .select()
    .from(programmeOccupations)
    .orderBy(asc(programmeOccupations.programmeKey), asc(programmeOccupations.vscoCode));
  const keys = [...new Set(pairs.map((p) => p.programmeKey))];
  const names = keys.length
    ? await db
        .select({ programmeKey: programmes.programmeKey, nameVi: programmes.nameVi, code: programmes.code })
        .from(programmes)
        .innerJoin(trainingLevels, eq(trainingLevels.code, programmes.levelCode))
        .where(inArray(programmes.programmeKey, keys))
        .orderBy(desc(trainingLevels.rank))
    : [];
  const byKey = new Map<string, { nameVi: string; codes: string[] }>();
  for (const n of names) {
    if (!n.programmeKey) continue;
    const entry = byKey.get(n.programmeKey) ?? { nameVi: n.nameVi, codes: [] };
    entry.codes.push(n.code);
    byKey.set(n.programmeKey, entry);
  }
  return pairs.map((p) => ({
    programmeKey: p.programmeKey,
    vscoCode: p.vscoCode,
    status: p.status as CrosswalkStatus,
    programmeNameVi: byKey.get(p.programmeKey)?.nameVi ?? null,
    programmeCodes: byKey.get(p.programmeKey)?.codes ?? [],
  }));
});

export const listOccupationsForKey = withDefaultDb(async function listOccupationsForKey(
  db: Executor,
  programmeKey: string,
) {
  return db
    .select({ vscoCode: programmeOccupations.vscoCode, status: programmeOccupations.status })
    .from(programmeOccupations)
    .where(eq(programmeOccupations.programmeKey, programmeKey))
    .orderBy(asc(programmeOccupations.vscoCode));
});

export async function findCrosswalkPair(db: Executor, programmeKey: string, vscoCode: string) {
  const [row] = await db
    .select()
    .from(programmeOccupations)
    .where(and(eq(programmeOccupations.programmeKey, programmeKey), eq(programmeOccupations.vscoCode, vscoCode)))
    .limit(1);
  return row ?? null;
}

export async function insertCrosswalkPair(
  db: Executor,
  values: { programmeKey: string; vscoCode: string; status: CrosswalkStatus },
) {
  const inserted = await db
    .insert(programmeOccupations)
    .values(values)
    .onConflictDoNothing()
    .returning({ k: programmeOccupations.programmeKey });
  return inserted.length === 1;
}

export async function deleteCrosswalkPair(db: Executor, programmeKey: string, vscoCode: string) {
  const deleted = await db
    .delete(programmeOccupations)
    .where(and(eq(programmeOccupations.programmeKey, programmeKey), eq(programmeOccupations.vscoCode, vscoCode)))
    .returning({ status: programmeOccupations.status });
  return deleted[0] ?? null;
}

export async function updateCrosswalkStatus(
  db: Executor,
  programmeKey: string,
  vscoCode: string,
  status: CrosswalkStatus,
) {
  await db
    .update(programmeOccupations)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(programmeOccupations.programmeKey, programmeKey), eq(programmeOccupations.vscoCode, vscoCode)));
}

// ---------------------------------------------------------------------------------------------------------------
// Overview

export const countReferenceData = withDefaultDb(async function countReferenceData(db: Executor) {
  const [[p], [l], [f], [g], [pr], [inactive], [legacy], [cw]] = await Promise.all([
    db.select({ n: count() }).from(provinces),
    db.select({ n: count() }).from(trainingLevels),
    db.select({ n: count() }).from(fields),
    db.select({ n: count() }).from(programmeGroups),
    db.select({ n: count() }).from(programmes),
    db.select({ n: count() }).from(programmes).where(eq(programmes.active, false)),
    db.select({ n: count() }).from(programmes).where(eq(programmes.isLegacy, true)),
    db.select({ n: count() }).from(programmeOccupations),
  ]);
  return {
    provinces: p?.n ?? 0,
    levels: l?.n ?? 0,
    fields: f?.n ?? 0,
    groups: g?.n ?? 0,
    programmes: pr?.n ?? 0,
    inactiveProgrammes: inactive?.n ?? 0,
    legacyProgrammes: legacy?.n ?? 0,
    crosswalkPairs: cw?.n ?? 0,
  };
});
