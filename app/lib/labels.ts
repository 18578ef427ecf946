import type { MessageKey, Translate } from "./i18n";

/**
 * The message key a table of labels gives a value that arrives as a plain string (a URL's `?notice=`, a row read
 * with raw SQL), or undefined when the table has no such value.
 */
export function labelOf<K extends string>(
  labels: Readonly<Record<K, MessageKey>>,
  value: string | null | undefined,
): MessageKey | undefined {
  return value !== null && value !== undefined && Object.hasOwn(labels, value) ? labels[value as K] : undefined;
}

/** `value` in words: its label translated, or the value itself when the table has none (a gap shows, not a crash). */
export function translateLabel<K extends string>(
  t: Translate,
  labels: Readonly<Record<K, MessageKey>>,
  value: string,
  params?: Record<string, string | number>,
): string {
  const key = labelOf(labels, value);
  return key ? t(key, params) : value;
}
