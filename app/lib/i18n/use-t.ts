import { useRouteLoaderData } from "@remix-run/react";
import { translator, type Locale, type Translate } from "./index";

/** The translator for the page's locale, read from the root loader. */
export function useT(): Translate {
  return translator(useLocale());
}

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  return data?.locale ?? "vi";
}
