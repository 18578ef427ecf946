import type { Locale } from "~/lib/i18n";

/**
 * A catalogue entry's name in the reader's language: the English name in English where the catalogue has one, the
 * Vietnamese name otherwise. Reference data (levels, provinces, fields, programmes) is stored with both.
 */
export function localName(row: { nameVi: string; nameEn: string | null }, locale: Locale): string {
  return locale === "en" && row.nameEn ? row.nameEn : row.nameVi;
}
