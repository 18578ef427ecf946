import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useParams } from "@remix-run/react";
import { VerdictPage } from "~/components/verdict-page";
import { getReadDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { translate, type Locale } from "~/lib/i18n";
import { getPinnedMinistryKeys } from "~/modules/verification/get-pinned-ministry-keys.server";
import { VERDICT_TEXT } from "~/modules/verification/verdict-text";
import { verifyQrTextReplayable } from "~/modules/verification/verify-qr.server";

/**
 * The payload carries a person's name: kept out of search engines and other sites' logs. Not cached: a diploma's
 * status may change at any moment.
 */
const PRIVATE_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
};

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined;
  const locale = root?.locale ?? "vi";
  const verdict = data?.result.verdict ?? "malformed";
  return [
    { title: `${translate(locale, VERDICT_TEXT[verdict])} — ${translate(locale, "verify.title")}` },
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
  await limitPublicRequest(context); // counted by the server before Remix (app/server/public-budget.ts), else here
  const db = await getReadDb(); // a fresh replica, or the primary (README: "Read replicas")
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
  const { result, ministryKeys } = useLoaderData<typeof loader>();
  const payload = useParams().payload ?? "";
  return <VerdictPage result={result} ministryKeys={ministryKeys} payload={payload} receiptBase={`/v/${payload}`} />;
}
