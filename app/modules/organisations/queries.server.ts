import { and, asc, count, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import {
  employerProfiles,
  organisations,
  provinces,
  roleAssignments,
  users,
  type OrganisationKind,
  type OrganisationStatus,
  type Role,
} from "../../../db/schema";
import { type Executor, withDefaultDb } from "~/lib/db.server";

export interface UserOrganisation {
  id: string;
  kind: OrganisationKind;
  code: string;
  name: string;
  status: OrganisationStatus;
}

/** The organisations in which a user holds at least one role. */
export const listUserOrganisations = withDefaultDb(async function listUserOrganisations(
  db: Executor,
  userId: string,
): Promise<UserOrganisation[]> {
  return db
    .selectDistinct({
      id: organisations.id,
      kind: organisations.kind,
      code: organisations.code,
      name: organisations.name,
      status: organisations.status,
    })
    .from(organisations)
    .innerJoin(roleAssignments, eq(roleAssignments.organisationId, organisations.id))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(asc(organisations.name));
});

export const findOrganisationsByIds = withDefaultDb(async function findOrganisationsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(organisations).where(inArray(organisations.id, ids));
});

/** `text` as a LIKE pattern that matches it anywhere, with the wildcards it contains taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface ListOrganisationsOptions {
  kind?: OrganisationKind;
  status?: OrganisationStatus;
  /** Matches the name (Vietnamese or English) or code, ignoring case and diacritics: "cao dang" finds "Cao đẳng". */
  q?: string;
  page: number;
  pageSize: number;
}

/** The ministry's list of organisations: those awaiting a decision first (oldest first), then by name. */
export const listOrganisations = withDefaultDb(async function listOrganisations(
  db: Executor,
  options: ListOrganisationsOptions,
) {
  const conditions: SQL[] = [];
  if (options.kind) conditions.push(eq(organisations.kind, options.kind));
  if (options.status) conditions.push(eq(organisations.status, options.status));
  if (options.q) {
    const pattern = containsPattern(options.q);
    conditions.push(
      or(
        sql`unaccent(lower(${organisations.name})) like unaccent(lower(${pattern}))`,
        sql`unaccent(lower(coalesce(${organisations.nameEn}, ''))) like unaccent(lower(${pattern}))`,
        sql`lower(${organisations.code}) like lower(${pattern})`,
      )!,
    );
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: organisations.id,
        kind: organisations.kind,
        code: organisations.code,
        name: organisations.name,
        status: organisations.status,
        provinceName: provinces.nameVi,
        provinceNameEn: provinces.nameEn,
        createdAt: organisations.createdAt,
        memberCount:
          sql<number>`(select count(distinct ${roleAssignments.userId}) from ${roleAssignments} where ${roleAssignments.organisationId} = ${organisations.id})`.mapWith(
            Number,
          ),
      })
      .from(organisations)
      .innerJoin(provinces, eq(provinces.code, organisations.provinceCode))
      .where(where)
      .orderBy(
        sql`case when ${organisations.status} = 'pending' then 0 else 1 end`,
        sql`case when ${organisations.status} = 'pending' then ${organisations.createdAt} end asc nulls last`,
        asc(organisations.name),
        asc(organisations.id),
      )
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ total: count() }).from(organisations).where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
});

/** One organisation with its province and the e-mail of whoever last changed its status; null if unknown. */
export const getOrganisationDetail = withDefaultDb(async function getOrganisationDetail(
  db: Executor,
  organisationId: string,
) {
  const [row] = await db
    .select({
      organisation: organisations,
      provinceName: provinces.nameVi,
      provinceNameEn: provinces.nameEn,
      statusChangedByEmail: users.email,
    })
    .from(organisations)
    .innerJoin(provinces, eq(provinces.code, organisations.provinceCode))
    .leftJoin(users, eq(users.id, organisations.statusChangedBy))
    .where(eq(organisations.id, organisationId))
    .limit(1);
  return row ?? null;
});

export interface OrganisationMember {
  userId: string;
  email: string;
  fullName: string;
  /** False until an invited member has set a password. */
  activated: boolean;
  disabled: boolean;
  roles: { assignmentId: string; role: Role; grantedAt: Date }[];
}

/** The people holding a role in one organisation, each with their roles there. Scoped in the query. */
export const listOrganisationMembers = withDefaultDb(async function listOrganisationMembers(
  db: Executor,
  organisationId: string,
): Promise<OrganisationMember[]> {
  const rows = await db
    .select({
      assignmentId: roleAssignments.id,
      role: roleAssignments.role,
      grantedAt: roleAssignments.createdAt,
      userId: users.id,
      email: users.email,
      fullName: users.fullName,
      activated: sql<boolean>`${users.passwordHash} is not null`,
      disabled: sql<boolean>`${users.disabledAt} is not null`,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(eq(roleAssignments.organisationId, organisationId))
    .orderBy(asc(users.fullName), asc(users.email), asc(roleAssignments.createdAt));
  const members = new Map<string, OrganisationMember>();
  for (const row of rows) {
    let member = members.get(row.userId);
    if (!member) {
      member = {
        userId: row.userId,
        email: row.email,
        fullName: row.fullName,
        activated: Boolean(row.activated),
        disabled: Boolean(row.disabled),
        roles: [],
      };
      members.set(row.userId, member);
    }
    member.roles.push({ assignmentId: row.assignmentId, role: row.role, grantedAt: row.grantedAt });
  }
  return [...members.values()];
});

/** How many schools and employers await the ministry's decision. */
export const countPendingOrganisations = withDefaultDb(async function countPendingOrganisations(
  db: Executor,
): Promise<Record<OrganisationKind, number>> {
  const rows = await db
    .select({ kind: organisations.kind, n: count() })
    .from(organisations)
    .where(eq(organisations.status, "pending"))
    .groupBy(organisations.kind);
  const counts: Record<OrganisationKind, number> = { school: 0, employer: 0 };
  for (const row of rows) counts[row.kind] = Number(row.n);
  return counts;
});

/** How many user accounts exist (the ministry's overview). */
export const countUsers = withDefaultDb(async function countUsers(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0);
});

/**
 * Who receives an organisation's mail: the school's administrators, or every member of an employer (employers have
 * one role). Disabled accounts are left out.
 */
export async function listOrganisationMailRecipients(db: Executor, organisationId: string) {
  return db
    .selectDistinct({ id: users.id, email: users.email, fullName: users.fullName, locale: users.locale })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.organisationId, organisationId),
        inArray(roleAssignments.role, ["school_admin", "employer_member"]),
        sql`${users.disabledAt} is null`,
      ),
    );
}

/**
 * What the applicant supplied, for the ministry's accreditation check: the person who signed the organisation up
 * (its first role holder, who created their own role), and an employer's company profile when it has one.
 */
export const getOrganisationApplication = withDefaultDb(async function getOrganisationApplication(
  db: Executor,
  organisationId: string,
) {
  const [applicant] = await db
    .select({ fullName: users.fullName, email: users.email, emailVerifiedAt: users.emailVerifiedAt })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(eq(roleAssignments.organisationId, organisationId), eq(roleAssignments.createdBy, roleAssignments.userId)),
    )
    .orderBy(asc(roleAssignments.createdAt))
    .limit(1);
  const [profile] = await db
    .select()
    .from(employerProfiles)
    .where(eq(employerProfiles.organisationId, organisationId))
    .limit(1);
  return { applicant: applicant ?? null, profile: profile ?? null };
});
