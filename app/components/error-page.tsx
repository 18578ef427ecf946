import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import type { MessageKey, Translate } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";

const PAGES = {
  400: { title: "error.400.title", body: "error.400.body" },
  403: { title: "error.403.title", body: "error.403.body" },
  404: { title: "error.404.title", body: "error.404.body" },
  429: { title: "error.429.title", body: "error.429.body" },
  500: { title: "error.500.title", body: "error.500.body" },
} as const satisfies Record<number, { title: MessageKey; body: MessageKey }>;

type KnownStatus = keyof typeof PAGES;
const isKnown = (status: number): status is KnownStatus => status in PAGES;

/** The error page for a status: a plain message, never a stack trace. */
export function ErrorPage({ status, t }: { status: number; t: Translate }) {
  const page = PAGES[isKnown(status) ? status : status >= 500 ? 500 : 400];
  return (
    <div className="container narrow error-page">
      <p className="error-status" aria-hidden="true">
        {status}
      </p>
      <h1>{t(page.title)}</h1>
      <p>{t(page.body)}</p>
      <p>
        <Link to="/" className="button">
          {t("error.backHome")}
        </Link>
      </p>
    </div>
  );
}

/**
 * The error boundary of a page route: the thrown response's status as an error page inside the layout, so the
 * navigation stays. A route re-exports it: `export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page"`.
 */
export function RouteErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} t={t} />;
}
