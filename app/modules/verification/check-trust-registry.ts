/**
 * The browser's check of the ministry's trust registry (docs/issuer-identity.md, "Checking it"): its
 * eddsa-jcs-2022 proof must verify under a ministry key that the verify page pinned (delivered with the page's
 * HTML, never with the registry itself: see README, Decisions), and only then are its schools and keys read.
 * A registry that fails is not used at all. Pure.
 */
import { verifyJcsProof } from "~/modules/credentials/eddsa-jcs-2022";
import { decodeEd25519PublicKey } from "~/modules/signing/multikey";
import type { ListedKey } from "~/modules/status/check-status-list";

/** A ministry key the page trusts: its DID URL and its Multikey public key. */
export interface PinnedKey {
  id: string;
  publicKeyMultibase: string;
}

export interface TrustedKey extends ListedKey {
  status: string;
}

export interface TrustedSchool {
  code: string;
  name: string | null;
  did: string;
  keys: TrustedKey[];
}

export interface TrustedRegistry {
  /** The origin the registry was published for (its `id`): status lists live there. */
  origin: string;
  issued: string;
  validUntil: string;
  schools: TrustedSchool[];
}

export type RegistryCheck =
  /** `stale`: past its validUntil; still good for a signature check, never for a valid verdict. */
  | { ok: true; registry: TrustedRegistry; stale: boolean }
  | { ok: false; reason: "bad_signature" | "unknown_key" | "malformed" };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const optionalString = (v: unknown) => (typeof v === "string" ? v : null);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function checkTrustRegistry(document: unknown, pinned: readonly PinnedKey[], now: Date): RegistryCheck {
  const proof = isObject(document) ? document.proof : undefined;
  const verificationMethod = isObject(proof) ? proof.verificationMethod : undefined;
  const verified = verifyJcsProof(document, (id) => {
    const key = pinned.find((k) => k.id === id);
    return key ? decodeEd25519PublicKey(key.publicKeyMultibase) : null;
  });
  if (!verified.verified) {
    if (verified.reason === "unknown_key") return { ok: false, reason: "unknown_key" };
    if (verified.reason === "bad_signature") return { ok: false, reason: "bad_signature" };
    return { ok: false, reason: "malformed" };
  }
  const registry = document as Json;
  // The ministry signs for itself: the registry's issuer is the DID whose key signed it.
  if (
    verified.proofPurpose !== "assertionMethod" ||
    typeof verificationMethod !== "string" ||
    registry.issuer !== verificationMethod.split("#")[0]
  ) {
    return { ok: false, reason: "unknown_key" };
  }
  const parsed = parseRegistry(registry);
  if (!parsed) return { ok: false, reason: "malformed" };
  return { ok: true, registry: parsed, stale: !(now.getTime() < Date.parse(parsed.validUntil)) };
}

function parseRegistry(registry: Json): TrustedRegistry | null {
  if (registry.type !== "VocationalDiplomaTrustRegistry" || typeof registry.id !== "string") return null;
  if (
    typeof registry.issued !== "string" ||
    typeof registry.validUntil !== "string" ||
    !DATE_TIME.test(registry.validUntil)
  )
    return null;
  if (!Array.isArray(registry.schools)) return null;
  let origin: string;
  try {
    origin = new URL(registry.id).origin;
  } catch {
    return null;
  }
  const schools: TrustedSchool[] = [];
  for (const school of registry.schools) {
    if (
      !isObject(school) ||
      typeof school.code !== "string" ||
      typeof school.did !== "string" ||
      !Array.isArray(school.keys)
    )
      return null;
    const keys: TrustedKey[] = [];
    for (const key of school.keys) {
      if (!isObject(key) || typeof key.id !== "string" || typeof key.publicKeyMultibase !== "string") return null;
      const publicKey = decodeEd25519PublicKey(key.publicKeyMultibase);
      if (!publicKey) continue; // not an Ed25519 Multikey: of no use here
      keys.push({
        id: key.id,
        publicKey,
        status: optionalString(key.status) ?? "",
        retiredAt: optionalString(key.retiredAt),
        compromisedFrom: optionalString(key.compromisedFrom),
      });
    }
    schools.push({ code: school.code, name: optionalString(school.name), did: school.did, keys });
  }
  return { origin, issued: registry.issued, validUntil: registry.validUntil, schools };
}
