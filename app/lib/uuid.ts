/**
 * UUIDs: the one pattern for ids in URLs, forms and payloads. No dependencies, so pure codecs (the QR payload) use
 * it too; the Zod schema for forms is `uuidField` in app/lib/forms.ts.
 */

/** A UUID written as hex digits (any case) in the 8-4-4-4-12 groups. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A credential's own id, `urn:uuid:` and a canonical UUID, as signed credentials carry it. */
export const UUID_URN_PATTERN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A UUID in its canonical lower-case form, the only one signed payloads and QR codes carry. */
export const isCanonicalUuid = (value: string): boolean => UUID_PATTERN.test(value) && value === value.toLowerCase();

/**
 * The id of a URL parameter, lower-cased, or null when it is not a UUID: such an id names nothing, and the route
 * answers 404 before the database sees it (`uuidOr404` in app/lib/http.server.ts).
 */
export function parseUuid(value: string | undefined): string | null {
  return value !== undefined && UUID_PATTERN.test(value) ? value.toLowerCase() : null;
}
