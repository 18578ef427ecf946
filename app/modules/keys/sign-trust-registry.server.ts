import { type Executor, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { createJcsProof, type Secured } from "~/modules/credentials/eddsa-jcs-2022";
import { buildTrustRegistry, type KeyForPublication, type TrustRegistry } from "./did-documents";
import { issuerDid, ministryDid, verificationMethodId, xsdDateTime } from "./did-web";
import { loadSigningKey, type LoadSigningKeyError } from "./load-signing-key.server";
import { listAccreditedSchoolKeys, listAccreditedSchools } from "./queries.server";

export type SignedTrustRegistry = Secured<TrustRegistry & Record<string, unknown>>;

/**
 * The ministry's trust registry: every accredited school, its did:web DID and the life of each of its keys,
 * signed with the ministry's key (eddsa-jcs-2022), so that a verifier who trusts the ministry's DID trusts the
 * schools through it. Built fresh on each call (it is small, and signing costs well under a millisecond).
 */
export const signTrustRegistry = withDefaultDb(async function signTrustRegistry(
  db: Executor,
  options: { origin: string; now?: Date },
): Promise<Result<SignedTrustRegistry, LoadSigningKeyError>> {
  const now = options.now ?? new Date();
  const [schools, keys] = await Promise.all([listAccreditedSchools(db), listAccreditedSchoolKeys(db)]);
  const keysBySchool = new Map<string, KeyForPublication[]>();
  for (const key of keys) {
    const list = keysBySchool.get(key.organisationId) ?? [];
    list.push(key);
    keysBySchool.set(key.organisationId, list);
  }
  const issuer = ministryDid(options.origin);
  const registry = buildTrustRegistry({
    url: `${options.origin}/trust-registry.json`,
    issuer,
    issued: now,
    schools: schools.map((s) => ({
      code: s.code,
      name: s.name,
      nameEn: s.nameEn,
      did: issuerDid(options.origin, s.code),
      provinceCode: s.provinceCode,
      provinceName: s.provinceName,
      schoolType: s.schoolType,
      accreditedAt: s.accreditedAt,
      keys: keysBySchool.get(s.id) ?? [],
    })),
  });

  const loaded = await loadSigningKey(db, { organisationId: null });
  if (!loaded.ok) return fail(loaded.code); // loadSigningKey logged why
  try {
    return ok(
      createJcsProof(registry as TrustRegistry & Record<string, unknown>, {
        verificationMethod: verificationMethodId(issuer, loaded.key.keyRef),
        created: xsdDateTime(now),
        privateKey: loaded.key.privateKey,
      }),
    );
  } finally {
    loaded.key.privateKey.fill(0);
  }
});
