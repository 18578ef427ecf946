import type { MetaDescriptor } from "@remix-run/node";
import { translate, type Locale, type MessageKey } from "./i18n";

type Matches = readonly { id: string; data: unknown }[];

/** A page title in the visitor's language: "Page — Portal". Reads the locale from the root loader's data. */
export function pageTitle(matches: Matches, key: MessageKey): MetaDescriptor[] {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined;
  const locale = root?.locale ?? "vi";
  return [{ title: `${translate(locale, key)} — ${translate(locale, "app.shortName")}` }];
}
