import { and, asc, count, desc, eq, exists, ilike, isNotNull, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { diplomas, registerEntries, users } from "../../../db/schema";
import { type Executor, withDefaultDb } from "~/lib/db.server";
import type { RegisterRemarksInput } from "~/modules/documents/register-row";
import type { DiplomaForRegister } from "~/modules/documents/register-row";
import { readSearchTerm, type RegisterFilters, type RegisterSort } from "./schema";

/**
 * The only place the register area touches the database. Every query is scoped by the organisation in its WHERE
 * clause: a school reads its own register and nothing else.
 */

/** LIKE pattern text with its wildcards escaped. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Conditions on the diploma a line is about (identity columns never change once a diploma is signed). */
function diplomaConditions(filters: RegisterFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.q) {
    const term = readSearchTerm(filters.q);
    if (term.kind === "register_number") {
      conditions.push(
        and(eq(diplomas.registerNumber, term.registerNumber), eq(diplomas.registerYear, term.registerYear))!,
      );
    } else if (term.kind === "number") {
      conditions.push(
        or(eq(diplomas.registerNumber, term.registerNumber), ilike(diplomas.serial, contains(term.text)))!,
      );
    } else {
      // unaccent on both sides: "nguyen van an" finds "Nguyễn Văn An" (and "d" finds "đ").
      conditions.push(
        or(
          sql`unaccent(lower(${diplomas.fullName})) like unaccent(lower(${contains(term.text)}))`,
          ilike(diplomas.serial, contains(term.text)),
        )!,
      );
    }
  }
  if (filters.year) conditions.push(eq(diplomas.registerYear, filters.year));
  if (filters.programme) conditions.push(eq(diplomas.programmeCode, filters.programme));
  return conditions;
}

export interface RegisterEntryLine {
  id: number;
  kind: string;
  createdAt: Date;
  remarks: string | null;
  /** The diploma's status right after the entry. */
  statusAfter: string | null;
  createdByName: string | null;
  relatedSerial: string | null;
  diplomaId: string;
  fullName: string;
  dateOfBirth: string;
  serial: string | null;
  registerNumber: number | null;
  registerYear: number | null;
  programmeCode: string;
  programmeName: string;
}

/** A page of the school's register entries (every issue, revocation, suspension, reinstatement, correction). */
export const listRegisterEntries = withDefaultDb(async function listRegisterEntries(
  db: Executor,
  options: { organisationId: string; filters: RegisterFilters; sort: RegisterSort; page: number; pageSize: number },
): Promise<{ entries: RegisterEntryLine[]; total: number }> {
  const related = alias(diplomas, "related");
  const where = and(
    eq(registerEntries.organisationId, options.organisationId),
    eq(diplomas.organisationId, options.organisationId),
    options.filters.kind ? eq(registerEntries.kind, options.filters.kind) : undefined,
    ...diplomaConditions(options.filters),
  );
  const order =
    options.sort === "number"
      ? [asc(diplomas.registerYear), asc(diplomas.registerNumber), asc(registerEntries.id)]
      : [desc(registerEntries.id)];
  const [entries, [counted]] = await Promise.all([
    db
      .select({
        id: registerEntries.id,
        kind: registerEntries.kind,
        createdAt: registerEntries.createdAt,
        remarks: registerEntries.remarks,
        statusAfter: sql<string | null>`${registerEntries.snapshot}->>'status'`,
        createdByName: users.fullName,
        relatedSerial: related.serial,
        diplomaId: diplomas.id,
        fullName: diplomas.fullName,
        dateOfBirth: diplomas.dateOfBirth,
        serial: diplomas.serial,
        registerNumber: diplomas.registerNumber,
        registerYear: diplomas.registerYear,
        programmeCode: diplomas.programmeCode,
        programmeName: diplomas.programmeName,
      })
      .from(registerEntries)
      .innerJoin(diplomas, eq(diplomas.id, registerEntries.diplomaId))
      .leftJoin(
        related,
        and(eq(related.id, registerEntries.relatedDiplomaId), eq(related.organisationId, options.organisationId)),
      )
      .leftJoin(users, eq(users.id, registerEntries.createdBy))
      .where(where)
      .orderBy(...order)
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db
      .select({ n: count() })
      .from(registerEntries)
      .innerJoin(diplomas, eq(diplomas.id, registerEntries.diplomaId))
      .where(where),
  ]);
  return { entries, total: Number(counted?.n ?? 0) };
});

export type RegisterDiploma = DiplomaForRegister &
  Omit<RegisterRemarksInput, "statusChangedAt"> & { id: string; statusChangedAt: Date | null };

/**
 * The school's signed diplomas matching the filters, in register order (year, number): one line each, as the
 * paper register has them. With `kind`, those that have an entry of that kind (e.g. every revoked diploma).
 */
export async function listRegisterDiplomas(
  db: Executor,
  options: { organisationId: string; filters: RegisterFilters; limit?: number },
): Promise<RegisterDiploma[]> {
  const previous = alias(diplomas, "previous");
  const next = alias(diplomas, "next");
  const kind = options.filters.kind;
  const query = db
    .select({
      id: diplomas.id,
      fullName: diplomas.fullName,
      dateOfBirth: diplomas.dateOfBirth,
      placeOfBirth: diplomas.placeOfBirth,
      gender: diplomas.gender,
      ethnicity: diplomas.ethnicity,
      programmeName: diplomas.programmeName,
      classification: diplomas.classification,
      modeOfStudy: diplomas.modeOfStudy,
      serial: diplomas.serial,
      registerNumber: diplomas.registerNumber,
      registerYear: diplomas.registerYear,
      issueDate: diplomas.issueDate,
      status: diplomas.status,
      statusReason: diplomas.statusReason,
      statusChangedAt: diplomas.statusChangedAt,
      supersedesSerial: previous.serial,
      replacementReason: diplomas.replacementReason,
      supersededBySerial: next.serial,
    })
    .from(diplomas)
    .leftJoin(
      previous,
      and(eq(previous.id, diplomas.supersedesId), eq(previous.organisationId, options.organisationId)),
    )
    .leftJoin(next, and(eq(next.id, diplomas.supersededById), eq(next.organisationId, options.organisationId)))
    .where(
      and(
        eq(diplomas.organisationId, options.organisationId),
        ne(diplomas.status, "draft"),
        isNotNull(diplomas.serial),
        kind
          ? exists(
              db
                .select({ one: sql`1` })
                .from(registerEntries)
                .where(
                  and(
                    eq(registerEntries.diplomaId, diplomas.id),
                    eq(registerEntries.organisationId, options.organisationId),
                    eq(registerEntries.kind, kind),
                  ),
                ),
            )
          : undefined,
        ...diplomaConditions(options.filters),
      ),
    )
    .orderBy(asc(diplomas.registerYear), asc(diplomas.registerNumber));
  return options.limit === undefined ? query : query.limit(options.limit);
}

/** The register's years and programmes, for the search form's choices. */
export const listRegisterFacets = withDefaultDb(async function listRegisterFacets(
  db: Executor,
  organisationId: string,
) {
  const signed = and(
    eq(diplomas.organisationId, organisationId),
    ne(diplomas.status, "draft"),
    isNotNull(diplomas.registerYear),
  );
  const [years, programmes] = await Promise.all([
    db
      .selectDistinct({ year: diplomas.registerYear })
      .from(diplomas)
      .where(signed)
      .orderBy(desc(diplomas.registerYear)),
    db
      .select({ code: diplomas.programmeCode, name: sql<string>`min(${diplomas.programmeName})` })
      .from(diplomas)
      .where(signed)
      .groupBy(diplomas.programmeCode)
      .orderBy(sql`min(${diplomas.programmeName})`, asc(diplomas.programmeCode)),
  ]);
  return { years: years.map((y) => y.year!), programmes };
});
