import { z } from "zod";

/** A UUID written as hex digits (any case) in the 8-4-4-4-12 groups; the one pattern for ids in URLs and payloads. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID in its canonical lower-case form, the only one signed payloads and QR codes carry. */
export const isCanonicalUuid = (value: string): boolean => UUID_PATTERN.test(value) && value === value.toLowerCase();

/**
 * An id in a URL or a form: a UUID, lower-cased. Anything else names nothing, and the route answers 404 before the
 * database sees it.
 */
export const uuidParam = z
  .string()
  .regex(UUID_PATTERN)
  .transform((id) => id.toLowerCase());

/** The id of a URL parameter, or null when it is not a UUID (the route answers 404). */
export function parseUuid(value: string | undefined): string | null {
  const parsed = uuidParam.safeParse(value);
  return parsed.success ? parsed.data : null;
}
