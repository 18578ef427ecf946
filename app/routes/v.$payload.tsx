import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { BrowserCheckNote, MinimalDiplomaFacts, VerdictBanner } from "~/components/verification-result";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { translate, type Locale, type MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { useBrowserVerdict } from "~/lib/use-browser-verdict";
import { getPinnedMinistryKeys } from "~/modules/keys/get-pinned-ministry-keys.server";
import type { VerificationResult } from "~/modules/verification/verdict";
import { verifyQrTextReplayable } from "~/modules/verification/verify-qr.server";

/**
 * The payload carries a person's name: kept out of search engines and other sites' logs. Not cached: a diploma's
 * status may change at any moment.
 */
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "no-referrer" };

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined;
  const locale = root?.locale ?? "vi";
  const verdict = data?.result.verdict ?? "malformed";
  return [
    { title: `${translate(locale, `verify.verdict.${verdict}` as MessageKey)} — ${translate(locale, "verify.title")}` },
    { name: "robots", content: "noindex, nofollow" },
  ];
};

/**
 * GET /v/{payload} — and /V/{payload}, the upper-case path of the printed QR code (route matching ignores case).
 * The server's verdict, at once (the first paint); the browser then checks the signature and the status again on
 * its own, against the ministry keys pinned here (see the component and docs/verify-page.md).
 * Anonymous visits may be answered from the server's one-second page cache (app/lib/page-cache.server.ts).
 * Any payload, however broken, gets a verdict (malformed at worst), never an error page.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  limitPublicRequest(context); // over budget: a 429, rendered by the root error boundary ("Quá nhiều yêu cầu")
  const db = await getDb();
  const origin = getEnv().PUBLIC_ORIGIN;
  const text = `/V/${params.payload ?? ""}`;
  const pageData = async (count: boolean) => {
    const [{ result, countAgain }, ministryKeys] = await Promise.all([
      verifyQrTextReplayable(db, text, { origin, count }),
      getPinnedMinistryKeys(db, { origin }),
    ]);
    return { data: { result, ministryKeys }, replay: countAgain };
  };
  const { data, replay } = await pageData(true);
  // The server may replay this page to anonymous visitors (app/lib/page-cache.server.ts); each replay counts as a
  // verification, and after a second a recheck decides whether the stored page still says the same.
  context.pageCache?.allow({ fingerprint: JSON.stringify(data), replay }, async () => {
    const again = await pageData(false);
    return { fingerprint: JSON.stringify(again.data), replay: again.replay };
  });
  return json(data, { headers: PRIVATE_HEADERS });
}

export default function VerifyPayloadPage() {
  const t = useT();
  const locale = useLocale();
  const { result, ministryKeys } = useLoaderData<typeof loader>();
  const payload = useParams().payload ?? "";
  const local = useBrowserVerdict(result.verdict !== "malformed" ? `/V/${payload}` : null, ministryKeys);
  const d = result.diploma;
  const diplomaLink =
    d && (result.verdict === "valid" || result.verdict === "superseded") ? `/credentials/${d.credentialId}` : null;
  const currentLink = result.verdict === "superseded" && result.status?.supersededBy ? `/credentials/${result.status.supersededBy}` : null;
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
          <a href={`/v/${payload}/receipt.pdf`} download>
            {t("verify.receipt.pdf")}
          </a>{" "}
          ·{" "}
          <a href={`/v/${payload}/receipt.json`} download aria-label={`${t("verify.receipt.title")} (JSON)`}>
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
