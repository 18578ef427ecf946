import { type Executor, withDefaultDb } from "~/lib/db.server";
import { buildDidDocument, type DidDocument } from "./did-documents";
import { SCHOOL_CODE_PATTERN, issuerDid, ministryDid } from "./did-web";
import { findAccreditedSchool, listKeys } from "./queries.server";

/** The DID document of an accredited school's did:web issuer; null for an unknown or non-accredited school. */
export const getIssuerDidDocument = withDefaultDb(async function getIssuerDidDocument(
  db: Executor,
  options: { code: string | undefined; origin: string },
): Promise<DidDocument | null> {
  if (!options.code || !SCHOOL_CODE_PATTERN.test(options.code)) return null;
  const school = await findAccreditedSchool(db, options.code);
  if (!school) return null;
  return buildDidDocument(issuerDid(options.origin, school.code), await listKeys(db, school.id));
});

/** The ministry's DID document (did:web:{host}), with the key(s) that sign the trust registry; null before any. */
export const getMinistryDidDocument = withDefaultDb(async function getMinistryDidDocument(
  db: Executor,
  options: { origin: string },
): Promise<DidDocument | null> {
  const keys = await listKeys(db, null);
  if (keys.length === 0) return null;
  return buildDidDocument(ministryDid(options.origin), keys);
});
