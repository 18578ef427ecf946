import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { VerdictPage } from "~/components/verdict-page";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { translate, type Locale } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { getPinnedMinistryKeys } from "~/modules/verification/get-pinned-ministry-keys.server";
import { openShareLink } from "~/modules/share-links/open-share-link.server";
import { VERDICT_TEXT } from "~/modules/verification/verdict-text";

const PRIVATE_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
};

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "vi";
  const title =
    data?.state === "active"
      ? translate(locale, VERDICT_TEXT[data.result.verdict])
      : translate(locale, "share.closed.title");
  return [
    { title: `${title} — ${translate(locale, "verify.title")}` },
    { name: "robots", content: "noindex, nofollow" },
  ];
};

/**
 * GET /s/{token} — a graduate's share link: in force, the same public verdict as the diploma's QR code (the view
 * is counted); expired or revoked, a page that says so with 410 and nothing of the diploma; unknown, 404.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const db = await getDb();
  const origin = getEnv().PUBLIC_ORIGIN;
  const opened = await openShareLink({ token: params.token ?? "", origin });
  if (opened.state !== "active") {
    return json(
      { state: opened.state },
      { status: opened.state === "not_found" ? 404 : 410, headers: PRIVATE_HEADERS },
    );
  }
  const ministryKeys = await getPinnedMinistryKeys(db, { origin });
  return json(
    { state: "active" as const, result: opened.result, payload: opened.payload, ministryKeys },
    { headers: PRIVATE_HEADERS },
  );
}

export default function SharedDiploma() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  if (data.state === "active") {
    return (
      <VerdictPage
        result={data.result}
        ministryKeys={data.ministryKeys}
        payload={data.payload}
        receiptBase={`/v/${data.payload}`}
      />
    );
  }
  return (
    <div className="container narrow verify-page share-closed" data-state={data.state}>
      <h1>
        {t(
          data.state === "expired"
            ? "share.closed.expired"
            : data.state === "revoked"
              ? "share.closed.revoked"
              : "share.closed.notFound",
        )}
      </h1>
      <p>{t("share.closed.explain")}</p>
      <p>
        <Link to="/verify" className="button button-primary">
          {t("verify.title")}
        </Link>
      </p>
    </div>
  );
}
