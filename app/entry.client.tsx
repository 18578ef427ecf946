import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { loadCatalogue } from "~/lib/i18n/load-catalogue";

// The page's language is the one the server rendered it in (root.tsx writes it into <html lang>): its catalogue, and
// only it, is loaded before hydration, so the first client render shows the same text.
const locale = document.documentElement.lang === "en" ? "en" : "vi";

void loadCatalogue(locale).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
