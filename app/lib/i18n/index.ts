import type { vi } from "./catalogue.vi";
import { serverCatalogues } from "./catalogues.server";

/** Every key of the catalogues (the Vietnamese one is the reference). Messages live in messages/<module>/{vi,en}.ts. */
export type MessageKey = keyof typeof vi & string;
export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * The catalogues this process holds. The server holds both (catalogues.server.ts). In the browser that module is
 * empty (`serverCatalogues` is undefined there): the page's own language is added by load-catalogue.ts before
 * hydration, and the other one stays empty, never downloaded.
 */
const catalogues: Record<Locale, Record<string, string>> = {
  vi: serverCatalogues?.vi ?? {},
  en: serverCatalogues?.en ?? {},
};

/** Adds a catalogue loaded in the browser (load-catalogue.ts). */
export function registerCatalogue(locale: Locale, messages: Record<string, string>): void {
  catalogues[locale] = messages;
}

/** Whether this process holds the catalogue of `locale` (the browser holds only its page's language). */
export function hasCatalogue(locale: Locale): boolean {
  return Object.keys(catalogues[locale]).length > 0;
}

export function isMessageKey(key: string): key is MessageKey {
  return key in catalogues.vi || key in catalogues.en;
}

const pluralRules = { vi: new Intl.PluralRules("vi"), en: new Intl.PluralRules("en") } as const;

/**
 * `{count, plural, one {# diploma} other {# diplomas}}`: the option of the number's plural category (CLDR rules of
 * the locale; `=0`, `=1`… match exactly), `#` written as the number. Options may hold `{name}` placeholders.
 */
const PLURAL = /\{(\w+), plural,((?:\s*=?\w+\s*\{[^{}]*(?:\{\w+\}[^{}]*)*\})+)\s*\}/g;
const PLURAL_OPTION = /\s*(=?\w+)\s*\{([^{}]*(?:\{\w+\}[^{}]*)*)\}/g;

function selectPlurals(locale: Locale, template: string, params: Record<string, string | number>): string {
  return template.replace(PLURAL, (m, name: string, body: string) => {
    const value = Number(params[name]);
    if (!(name in params) || !Number.isFinite(value)) return m;
    const options = new Map([...body.matchAll(PLURAL_OPTION)].map((o) => [o[1]!, o[2]!]));
    const chosen =
      options.get(`=${value}`) ?? options.get(pluralRules[locale].select(value)) ?? options.get("other") ?? m;
    return chosen.replace(/#/g, String(params[name]));
  });
}

/**
 * Translates `key`, filling `{name}` placeholders and choosing plural forms (see selectPlurals). An unknown key is
 * returned as it is, so a gap shows, not a crash.
 */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogues[locale][key] ?? catalogues.vi[key] ?? key;
  if (!params) return template;
  return selectPlurals(locale, template, params).replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

export const LOCALE_COOKIE = "lang";

/** Vietnamese unless the visitor chose English (cookie set by the language switch). */
export function localeFromRequest(request: Request): Locale {
  const cookie = request.headers.get("cookie") ?? "";
  const match = /(?:^|;\s*)lang=(vi|en)(?:;|$)/.exec(cookie);
  return (match?.[1] as Locale | undefined) ?? "vi";
}
