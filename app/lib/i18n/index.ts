import { audit } from "./messages/audit";
import { auth } from "./messages/auth";
import { common } from "./messages/common";
import { diplomas } from "./messages/diplomas";
import { home } from "./messages/home";
import { issued } from "./messages/issued";
import { issuers } from "./messages/issuers";
import { jobs } from "./messages/jobs";
import { keys } from "./messages/keys";
import { organisations } from "./messages/organisations";
import { programmeRequests } from "./messages/programme-requests";
import { reference } from "./messages/reference";
import { register } from "./messages/register";
import { registry } from "./messages/registry";
import { reports } from "./messages/reports";
import { shareLinks } from "./messages/share-links";
import { verify } from "./messages/verify";
import { verifyWays } from "./messages/verify-ways";
import { workspace } from "./messages/workspace";

/** Every namespace of messages. A feature adds its own file under messages/ and lists it here. */
const namespaces = [common, auth, home, workspace, organisations, reference, keys, diplomas, registry, register, issuers, issued, verify, verifyWays, reports, jobs, shareLinks, programmeRequests, audit] as const;

type Merge<T extends readonly { vi: Record<string, string> }[]> = T extends readonly [infer H, ...infer R]
  ? (H extends { vi: infer V } ? V : never) & (R extends readonly { vi: Record<string, string> }[] ? Merge<R> : unknown)
  : unknown;

export type MessageKey = keyof Merge<typeof namespaces> & string;
export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];

const catalogues: Record<Locale, Record<string, string>> = {
  vi: Object.assign({}, ...namespaces.map((n) => n.vi)),
  en: Object.assign({}, ...namespaces.map((n) => n.en)),
};

export function isMessageKey(key: string): key is MessageKey {
  return key in catalogues.vi;
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
    const chosen = options.get(`=${value}`) ?? options.get(pluralRules[locale].select(value)) ?? options.get("other") ?? m;
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
  return selectPlurals(locale, template, params).replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
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
