/**
 * The W3C Bitstring Status List credential of one of a school's lists (Bitstring Status List v1.0, §2.2): what a
 * diploma's `credentialStatus[].statusListCredential` URL answers. Pure: the caller signs it (eddsa-rdfc-2022).
 */
import type { StatusPurpose } from "../../../db/schema/diplomas";
import { CREDENTIALS_V2_CONTEXT_URL } from "~/modules/credentials/document-loader";
import { xsdDateTime } from "~/modules/keys/did-web";

/** How long a verifier may keep a fetched list (ms): the same as its HTTP max-age, so revocations show within it. */
export const STATUS_LIST_TTL_MS = 60_000;

export interface StatusListCredential {
  "@context": [typeof CREDENTIALS_V2_CONTEXT_URL];
  id: string;
  type: ["VerifiableCredential", "BitstringStatusListCredential"];
  issuer: string;
  validFrom: string;
  credentialSubject: {
    id: string;
    type: "BitstringStatusList";
    statusPurpose: StatusPurpose;
    encodedList: string;
    ttl: number;
  };
}

export interface StatusListCredentialInput {
  /** The list's URL, which is also the credential's id: {origin}/issuers/{code}/status/{purpose}-{n}. */
  url: string;
  /** The school's did:web DID. */
  issuer: string;
  purpose: StatusPurpose;
  /** encodeBits() of the list's bits. */
  encodedList: string;
  /** When the bits last changed: the state described holds from then on. */
  validFrom: Date;
}

export function buildStatusListCredential(input: StatusListCredentialInput): StatusListCredential {
  return {
    "@context": [CREDENTIALS_V2_CONTEXT_URL],
    id: input.url,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: input.issuer,
    validFrom: xsdDateTime(input.validFrom),
    credentialSubject: {
      id: `${input.url}#list`,
      type: "BitstringStatusList",
      statusPurpose: input.purpose,
      encodedList: input.encodedList,
      ttl: STATUS_LIST_TTL_MS,
    },
  };
}
