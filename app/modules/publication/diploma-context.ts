/**
 * Our JSON-LD context (https://vanbang.gov.vn/contexts/diploma/v1) as the portal serves it at /contexts/diploma/v1:
 * the bundled file in its JCS form (RFC 8785), so that the bytes, and their SHA-256 that docs/credential-format.md
 * publishes for verifiers to pin, do not depend on how the file in the repository is laid out. Pure.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import canonicalize from "canonicalize";
import { BUNDLED_CONTEXTS, DIPLOMA_CONTEXT_URL } from "~/modules/credentials/document-loader";

export interface ServedContext {
  url: string;
  body: string;
  /** Hex SHA-256 of `body`'s UTF-8 bytes. */
  sha256: string;
}

let served: ServedContext | undefined;

export function diplomaContext(): ServedContext {
  if (!served) {
    const body = canonicalize(BUNDLED_CONTEXTS.get(DIPLOMA_CONTEXT_URL))!;
    served = { url: DIPLOMA_CONTEXT_URL, body, sha256: bytesToHex(sha256(utf8ToBytes(body))) };
  }
  return served;
}
