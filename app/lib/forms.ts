import { z } from "zod";
import { isMessageKey, type MessageKey } from "./i18n";
import { UUID_PATTERN } from "./uuid";

/** A form's answer when it is rejected: what the user typed (never passwords) and a message key per field. */
export interface FormFailure {
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
  formError?: MessageKey;
  formErrorParams?: Record<string, string | number>;
}

/**
 * A field's message as a catalogue key. Zod schemas and use-cases hand their messages over as strings; one that is
 * not a key (a bug) reads as "the value is not valid" rather than as a raw code.
 */
export function formMessage(message: string): MessageKey {
  return isMessageKey(message) ? message : "form.invalid";
}

const SECRET_FIELDS = /password/i;

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !SECRET_FIELDS.test(key)) values[key] = value.slice(0, 2000);
  }
  return values;
}

/**
 * Parses a submitted form with a Zod schema whose messages are i18n keys.
 * On failure: the first message per field, and the values to put back into the form.
 */
export function parseForm<S extends z.ZodTypeAny>(
  schema: S,
  formData: FormData,
): { ok: true; data: z.infer<S> } | ({ ok: false } & FormFailure) {
  const raw: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") raw[key] = value;
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, values: formValues(formData), fieldErrors };
}

/** An id in a form or a URL: a UUID, lower-cased (the pattern of app/lib/uuid.ts). */
export const uuidField = z
  .string()
  .regex(UUID_PATTERN)
  .transform((id) => id.toLowerCase());
