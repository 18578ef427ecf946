/**
 * Our JSON-LD context (https://vanbang.gov.vn/contexts/diploma/v1) as the portal serves it at /contexts/diploma/v1
 * and the export writes it at contexts/diploma/v1: the bundled file in its JCS form (RFC 8785), so that the bytes,
 * and their SHA-256 that docs/credential-format.md publishes for verifiers to pin, do not depend on how the file in
 * the repository is laid out. Pure.
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

const served = new Map<string, ServedContext>();

/** A bundled context in its JCS form, or null when the URL is not one of the bundled contexts. */
export function servedContext(url: string): ServedContext | null {
  let context = served.get(url);
  if (!context) {
    const document = BUNDLED_CONTEXTS.get(url);
    if (!document) return null;
    const body = canonicalize(document)!;
    served.set(url, (context = { url, body, sha256: bytesToHex(sha256(utf8ToBytes(body))) }));
  }
  return context;
}

export function diplomaContext(): ServedContext {
  return servedContext(DIPLOMA_CONTEXT_URL)!;
}

/**
 * Contexts that W3C (www.w3.org, w3id.org) and 1EdTech (purl.imsglobal.org) publish: every JSON-LD verifier of
 * these credentials already holds them. Any other context a credential names is ours to publish.
 */
const STANDARD_CONTEXT_ORIGINS = ["https://www.w3.org", "https://w3id.org", "https://purl.imsglobal.org"];

export function isStandardContext(url: string): boolean {
  return STANDARD_CONTEXT_ORIGINS.some((origin) => url.startsWith(`${origin}/`));
}

/** Where the export writes a context: its URL's path, as the site serves it (contexts/diploma/v1). */
export function exportedContextPath(url: string): string {
  return new URL(url).pathname.replace(/^\/+/, "");
}
