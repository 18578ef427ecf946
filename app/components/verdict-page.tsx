import { Link } from "@remix-run/react";
import { BrowserCheckNote, MinimalDiplomaFacts, VerdictBanner } from "~/components/verification-result";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { useBrowserVerdict } from "~/modules/verification/use-browser-verdict";
import type { PinnedKey } from "~/modules/verification/check-trust-registry";
import type { VerificationResult } from "~/modules/verification/verdict";

/**
 * The public verdict of a QR code, as /v/{payload} and a share link (/s/{token}) show it: on a phone the verdict,
 * the holder, the programme, the level and the school are on the first screen; the browser's own check is one line
 * under the verdict (in full when it disagrees); then the actions and the verification receipt.
 */
export function VerdictPage({
  result,
  ministryKeys,
  payload,
  receiptBase,
}: {
  result: VerificationResult;
  ministryKeys: readonly PinnedKey[];
  /** The QR code's payload (the browser checks `/V/{payload}` itself). */
  payload: string;
  /** Where the receipt is served: `${receiptBase}/receipt.pdf` and `.json`. */
  receiptBase: string;
}) {
  const t = useT();
  const locale = useLocale();
  const local = useBrowserVerdict(result.verdict !== "malformed" ? `/V/${payload}` : null, ministryKeys);
  const d = result.diploma;
  const diplomaLink =
    d && (result.verdict === "valid" || result.verdict === "superseded") ? `/credentials/${d.credentialId}` : null;
  const currentLink =
    result.verdict === "superseded" && result.status?.supersededBy
      ? `/credentials/${result.status.supersededBy}`
      : null;
  const reportQuery = new URLSearchParams({ verdict: result.verdict, qr: `/V/${payload}` });
  return (
    <div className="container narrow verify-page">
      <VerdictBanner result={result} t={t} locale={locale} />
      <BrowserCheckNote state={local} server={result.verdict} t={t} />
      <MinimalDiplomaFacts result={result} t={t} locale={locale} />
      <div className="button-row verify-actions">
        {currentLink ? (
          <Link to={currentLink} className="button button-primary">
            {t("verify.currentDiploma")}
          </Link>
        ) : null}
        {diplomaLink ? (
          <Link to={diplomaLink} className={currentLink ? "button" : "button button-primary"}>
            {t("verify.fullDiploma")}
          </Link>
        ) : null}
        <Link to="/verify" className="button button-ghost">
          {t("verify.again")}
        </Link>
      </div>
      {result.verdict !== "malformed" ? (
        <p className="verify-receipt">
          <a href={`${receiptBase}/receipt.pdf`} download>
            {t("verify.receipt.pdf")}
          </a>{" "}
          ·{" "}
          <a href={`${receiptBase}/receipt.json`} download aria-label={`${t("verify.receipt.title")} (JSON)`}>
            {t("verify.receipt.json")}
          </a>
          <br />
          <span className="muted">{t("verify.receipt.hint")}</span>
        </p>
      ) : null}
      {result.verdict !== "valid" ? (
        <p>
          <Link to={`/verify/report?${reportQuery.toString()}`}>{t("verify.report")}</Link>
        </p>
      ) : null}
    </div>
  );
}
