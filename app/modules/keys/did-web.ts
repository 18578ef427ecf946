/**
 * did:web identifiers of the portal (W3C did:web method): the ministry is `did:web:{host}`, resolved at
 * https://{host}/.well-known/did.json; each school is `did:web:{host}:issuers:{code}`, resolved at
 * https://{host}/issuers/{code}/did.json. A port in the host is percent-encoded ("localhost%3A3000"). Pure.
 */

/** What a school code may look like in a DID and a URL (the registration form enforces the same). */
export const SCHOOL_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,19}$/;

/** The method-specific host part of `origin` (only the host and port count: did:web resolves over https). */
export function didWebHost(origin: string): string {
  return new URL(origin).host.replace(/:/g, "%3A");
}

export function ministryDid(origin: string): string {
  return `did:web:${didWebHost(origin)}`;
}

export function issuerDid(origin: string, schoolCode: string): string {
  return `did:web:${didWebHost(origin)}:issuers:${schoolCode}`;
}

/** The DID URL of a verification method: `{did}#{keyRef}`. */
export function verificationMethodId(did: string, keyRef: string): string {
  return `${did}#${keyRef}`;
}

/** XML Schema dateTime without milliseconds, as the W3C examples write it: "2025-03-01T08:30:00Z". */
export function xsdDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
