import { type Executor, withDefaultDb } from "~/lib/db.server";
import { SCHOOL_CODE_PATTERN, issuerDid } from "~/modules/keys/did-web";
import { findAccreditedSchool } from "~/modules/keys/queries.server";
import { buildLogDocument, type IssuanceLogDocument } from "./log-document";
import { listPublishedLogEntries } from "./queries.server";

export const logUrl = (origin: string, schoolCode: string) => `${origin}/issuers/${schoolCode}/log.json`;

/** A school's issuance log as published (docs/issuance-log.md). */
export async function buildSchoolLog(
  db: Executor,
  options: { school: { id: string; code: string }; origin: string },
): Promise<IssuanceLogDocument> {
  return buildLogDocument({
    url: logUrl(options.origin, options.school.code),
    schoolCode: options.school.code,
    issuer: issuerDid(options.origin, options.school.code),
    entries: await listPublishedLogEntries(db, options.school.id),
  });
}

/** What `GET /issuers/{code}/log.json` answers; null for an unknown, malformed or non-accredited school code. */
export const getPublishedLog = withDefaultDb(async function getPublishedLog(
  db: Executor,
  options: { code: string | undefined; origin: string },
): Promise<IssuanceLogDocument | null> {
  if (!options.code || !SCHOOL_CODE_PATTERN.test(options.code)) return null;
  const school = await findAccreditedSchool(db, options.code);
  return school ? buildSchoolLog(db, { school, origin: options.origin }) : null;
});
