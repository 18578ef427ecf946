import { createHash } from "node:crypto";
import { type Executor, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { createProof, type SignedDocument } from "~/modules/credentials/eddsa-rdfc-2022";
import { nodeSigner } from "~/modules/credentials/node-signer.server";
import { SCHOOL_CODE_PATTERN, issuerDid, verificationMethodId, xsdDateTime } from "~/modules/keys/did-web";
import { loadSigningKey, type LoadSigningKeyError } from "~/modules/keys/load-signing-key.server";
import { findAccreditedSchool, findActiveKey } from "~/modules/keys/queries.server";
import { encodeBits, findStatusList, parseStatusListSlug, statusListSlug } from "./status-lists.server";
import { buildStatusListCredential, type StatusListCredential } from "./status-list-credential";
import type { StatusPurpose } from "../../../db/schema/diplomas";

export type SignedStatusListCredential = SignedDocument<StatusListCredential>;
export type PublishStatusListError = "not_found" | LoadSigningKeyError;

/** The URL of a list, which is its credential's id (and what diplomas name as statusListCredential). */
export function statusListUrl(origin: string, schoolCode: string, purpose: StatusPurpose, listNumber: number): string {
  return `${origin}/issuers/${schoolCode}/status/${statusListSlug(purpose, listNumber)}`;
}

/**
 * Signed lists by list id, with the version they were signed for (bits, updatedAt, key, origin). Signing runs the
 * generic JSON-LD pipeline (tens of milliseconds), so a list is signed again only when its bits or the school's
 * active key changed. Per process; the version is read from the database on each request, so no copy goes stale.
 */
const signedLists = new Map<string, { version: string; document: SignedStatusListCredential }>();
const MAX_CACHED_LISTS = 10_000;

/**
 * One of a school's status lists as a BitstringStatusListCredential, signed (eddsa-rdfc-2022) with the school's
 * active key. `not_found` when the school has no such list; the key errors when it cannot sign (logged).
 */
export async function signStatusList(
  db: Executor,
  options: {
    school: { id: string; code: string };
    purpose: StatusPurpose;
    listNumber: number;
    origin: string;
    now?: Date;
  },
): Promise<Result<SignedStatusListCredential, PublishStatusListError>> {
  const { school, purpose, listNumber, origin } = options;
  const list = await findStatusList(db, { organisationId: school.id, purpose, listNumber });
  if (!list) return fail("not_found");
  // The cache is checked before any private key is decrypted: a hit costs two small queries.
  const active = await findActiveKey(db, school.id);
  if (!active) return fail("no_active_key");
  // The bits' digest too: two changes within one millisecond share an updatedAt.
  const bitsDigest = createHash("sha256").update(list.bits).digest("base64url");
  const versionFor = (keyId: string) => `${list.updatedAt.toISOString()}|${bitsDigest}|${keyId}|${origin}`;
  const cached = signedLists.get(list.id);
  if (cached?.version === versionFor(active.id)) return ok(cached.document);

  const loaded = await loadSigningKey(db, { organisationId: school.id });
  if (!loaded.ok) return fail(loaded.code);
  try {
    const did = issuerDid(origin, school.code);
    const unsigned = buildStatusListCredential({
      url: statusListUrl(origin, school.code, purpose, listNumber),
      issuer: did,
      purpose,
      encodedList: encodeBits(new Uint8Array(list.bits)),
      validFrom: list.updatedAt,
    });
    const document = await createProof(unsigned, {
      signer: nodeSigner(loaded.key.privateKey, verificationMethodId(did, loaded.key.keyRef)),
      created: xsdDateTime(options.now ?? new Date()),
    });
    signedLists.delete(list.id);
    if (signedLists.size >= MAX_CACHED_LISTS) signedLists.delete(signedLists.keys().next().value!);
    signedLists.set(list.id, { version: versionFor(loaded.key.id), document });
    return ok(document);
  } finally {
    loaded.key.privateKey.fill(0);
  }
}

/**
 * What `GET /issuers/{code}/status/{listId}` answers: the list of an accredited school (as for its DID document,
 * any other school is `not_found`), by its public id ("revocation-1"). Malformed parameters are `not_found` too.
 */
export const getPublishedStatusList = withDefaultDb(async function getPublishedStatusList(
  db: Executor,
  options: { code: string | undefined; listId: string | undefined; origin: string },
): Promise<Result<SignedStatusListCredential, PublishStatusListError>> {
  const slug = options.listId ? parseStatusListSlug(options.listId) : null;
  if (!slug || !options.code || !SCHOOL_CODE_PATTERN.test(options.code)) return fail("not_found");
  const school = await findAccreditedSchool(db, options.code);
  if (!school) return fail("not_found");
  return signStatusList(db, { school, purpose: slug.purpose, listNumber: slug.listNumber, origin: options.origin });
});
