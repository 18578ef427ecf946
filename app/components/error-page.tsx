import { Link } from "@remix-run/react";
import type { MessageKey, Translate } from "~/lib/i18n";

const KNOWN = new Set([400, 403, 404, 429, 500]);

/** The error page for a status: a plain message, never a stack trace. */
export function ErrorPage({ status, t }: { status: number; t: Translate }) {
  const code = KNOWN.has(status) ? status : status >= 500 ? 500 : 400;
  return (
    <div className="container narrow error-page">
      <p className="error-status" aria-hidden="true">
        {status}
      </p>
      <h1>{t(`error.${code}.title` as MessageKey)}</h1>
      <p>{t(`error.${code}.body` as MessageKey)}</p>
      <p>
        <Link to="/" className="button">
          {t("error.backHome")}
        </Link>
      </p>
    </div>
  );
}
