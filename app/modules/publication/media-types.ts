/**
 * Media types of what the portal publishes. Pure.
 *
 * Credentials (a diploma's vc.json, a status list) are JSON-LD in compact form with an embedded proof, for which
 * VC Data Model 2.0 registers `application/vc` (IANA, 2024). Generic clients and browsers know only JSON, so the
 * default stays `application/json`; a client that lists `application/vc` in Accept gets that type (Vary: Accept).
 */
export const VC_MEDIA_TYPE = "application/vc";
export const JSON_MEDIA_TYPE = "application/json; charset=utf-8";
export const JSON_LD_MEDIA_TYPE = "application/ld+json";

/** True when `accept` names `type` with a non-zero quality. */
export function accepts(accept: string | null, type: string): boolean {
  if (!accept) return false;
  return accept.split(",").some((item) => {
    const [name, ...params] = item.split(";").map((p) => p.trim().toLowerCase());
    if (name !== type) return false;
    const q = params.find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** Headers for a credential's JSON: its media type as negotiated, and no indexing of a capability URL. */
export function credentialHeaders(request: Request): Record<string, string> {
  return {
    "Content-Type": accepts(request.headers.get("accept"), VC_MEDIA_TYPE) ? VC_MEDIA_TYPE : JSON_MEDIA_TYPE,
    Vary: "Accept",
  };
}

const TOP_LEVEL_ORDER = [
  "@context",
  "id",
  "type",
  "name",
  "description",
  "issuer",
  "validFrom",
  "validUntil",
  "credentialSubject",
];

/**
 * The stored credential with its top-level members in the usual reading order (`@context` first, `proof` last).
 * PostgreSQL's jsonb keeps keys in its own order; the order carries no meaning (the proof covers the RDF graph),
 * this is only for people reading the file.
 */
export function inReadingOrder(credential: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of TOP_LEVEL_ORDER) if (key in credential) out[key] = credential[key];
  for (const [key, value] of Object.entries(credential)) if (!(key in out) && key !== "proof") out[key] = value;
  if ("proof" in credential) out.proof = credential.proof;
  return out;
}
