import { en } from "./catalogue.en";
import { vi } from "./catalogue.vi";

/**
 * Both catalogues, for the server (pages in either language, mail, receipts, tests, scripts). `.server`: the browser
 * build replaces this module with an empty one, so a page ships only the catalogue of its language, loaded by
 * app/lib/i18n/load-catalogue.ts (app/entry.client.tsx) before hydration.
 */
export const serverCatalogues = { vi, en };
