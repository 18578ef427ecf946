import { hasCatalogue, registerCatalogue, type Locale } from "./index";

/**
 * Loads the catalogue of `locale` into the browser: each language is a chunk of its own (a dynamic import), so a page
 * downloads only the language it is shown in. app/entry.client.tsx awaits it before hydrating, with the language the
 * server rendered (`<html lang>`), so both render the same text.
 */
export async function loadCatalogue(locale: Locale): Promise<void> {
  if (hasCatalogue(locale)) return;
  const messages = locale === "en" ? (await import("./catalogue.en")).en : (await import("./catalogue.vi")).vi;
  registerCatalogue(locale, messages);
}
