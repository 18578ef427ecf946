/**
 * What the portal publishes about signing keys: DID documents (one per school, one for the ministry) and the
 * ministry's trust registry, as pure functions of the key rows. docs/issuer-identity.md describes both formats.
 *
 * Key status: the DID documents stay plain W3C DID documents. Every key ever used is listed (active, retired,
 * compromised) and in `assertionMethod`, so that what a retired key signed keeps verifying; a compromised key
 * carries the standard Multikey property `revoked` (its compromisedFrom time). The full life of each key
 * (status, activatedAt, retiredAt, compromisedFrom) is published in the trust registry, signed by the ministry:
 * the one place a verifier learns that a key was retired at T or is not to be trusted from T.
 */
import type { KeyStatus } from "../../../db/schema/signing";
import { verificationMethodId, xsdDateTime } from "./did-web";

export const DID_CONTEXT = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"];

/** How long a verifier may rely on a fetched trust registry. */
export const TRUST_REGISTRY_VALIDITY_MS = 24 * 3600_000;
export const TRUST_REGISTRY_TYPE = "VocationalDiplomaTrustRegistry";

export interface KeyForPublication {
  keyRef: string;
  publicKeyMultibase: string;
  status: KeyStatus;
  activatedAt: Date;
  retiredAt: Date | null;
  compromisedFrom: Date | null;
}

export interface DidVerificationMethod {
  id: string;
  type: "Multikey";
  controller: string;
  publicKeyMultibase: string;
  /** Multikey `revoked` (W3C Controlled Identifiers): set for a compromised key, from its compromisedFrom. */
  revoked?: string;
}

export interface DidDocument {
  "@context": string[];
  id: string;
  verificationMethod: DidVerificationMethod[];
  assertionMethod: string[];
}

export function buildDidDocument(did: string, keys: readonly KeyForPublication[]): DidDocument {
  const methods = keys.map((k): DidVerificationMethod => ({
    id: verificationMethodId(did, k.keyRef),
    type: "Multikey",
    controller: did,
    publicKeyMultibase: k.publicKeyMultibase,
    ...(k.status === "compromised" && k.compromisedFrom ? { revoked: xsdDateTime(k.compromisedFrom) } : {}),
  }));
  return {
    "@context": [...DID_CONTEXT],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}

export interface TrustRegistryKey {
  id: string;
  type: "Multikey";
  publicKeyMultibase: string;
  status: KeyStatus;
  activatedAt: string;
  /** When it stopped signing (rotation, or compromise of the active key); null while active. */
  retiredAt: string | null;
  /** Signatures made at or after this instant are not to be trusted; null unless compromised. */
  compromisedFrom: string | null;
}

export interface TrustRegistrySchool {
  code: string;
  name: string;
  nameEn: string | null;
  did: string;
  province: { code: string; name: string };
  schoolType: string | null;
  status: "accredited";
  accreditedAt: string | null;
  keys: TrustRegistryKey[];
}

export interface TrustRegistry {
  type: typeof TRUST_REGISTRY_TYPE;
  id: string;
  name: string;
  issuer: string;
  issued: string;
  validUntil: string;
  schools: TrustRegistrySchool[];
}

export interface SchoolForRegistry {
  code: string;
  name: string;
  nameEn: string | null;
  did: string;
  provinceCode: string;
  provinceName: string;
  schoolType: string | null;
  accreditedAt: Date | null;
  keys: readonly KeyForPublication[];
}

export function buildTrustRegistry(options: {
  url: string;
  issuer: string;
  issued: Date;
  schools: readonly SchoolForRegistry[];
}): TrustRegistry {
  return {
    type: TRUST_REGISTRY_TYPE,
    id: options.url,
    name: "Danh sách cơ sở giáo dục nghề nghiệp được công nhận cấp văn bằng số",
    issuer: options.issuer,
    issued: xsdDateTime(options.issued),
    validUntil: xsdDateTime(new Date(options.issued.getTime() + TRUST_REGISTRY_VALIDITY_MS)),
    schools: options.schools.map((s) => ({
      code: s.code,
      name: s.name,
      nameEn: s.nameEn,
      did: s.did,
      province: { code: s.provinceCode, name: s.provinceName },
      schoolType: s.schoolType,
      status: "accredited",
      accreditedAt: s.accreditedAt ? xsdDateTime(s.accreditedAt) : null,
      keys: s.keys.map((k) => ({
        id: verificationMethodId(s.did, k.keyRef),
        type: "Multikey",
        publicKeyMultibase: k.publicKeyMultibase,
        status: k.status,
        activatedAt: xsdDateTime(k.activatedAt),
        retiredAt: k.retiredAt ? xsdDateTime(k.retiredAt) : null,
        compromisedFrom: k.compromisedFrom ? xsdDateTime(k.compromisedFrom) : null,
      })),
    })),
  };
}
