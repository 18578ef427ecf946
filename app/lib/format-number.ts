import type { Locale } from "~/lib/i18n";

/** "20.000" / "20,000": a count or an amount, grouped the way the reader's language groups digits. Pure. */
export function formatNumber(value: number, locale: Locale): string {
  return value.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB");
}
