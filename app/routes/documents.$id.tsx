import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SignedDocumentVerdict } from "~/components/cases/signed-document-verdict";
import { getReadDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { notFound } from "~/lib/http.server";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { parseUuid } from "~/lib/uuid";
import { loadSignedDocument } from "~/modules/services/signed-document-page.server";

const HEADERS = { "Cache-Control": "no-cache", "X-Robots-Tag": "noindex" };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [title] = pageTitle(matches, "services.document.pageTitle");
  const base = (title as { title: string }).title;
  return [{ title: data ? `${data.name} — ${base}` : base }, { name: "robots", content: "noindex" }];
};

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

/**
 * GET /documents/{id}: an organisation's signed document (a certified copy, a confirmation letter, a reply), what it
 * says and whether it stands, checked now by the verify page's logic; with its JSON and PDF to download.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const id = parseUuid(params.id);
  const view = id ? await loadSignedDocument(await getReadDb(), { id, origin: getEnv().PUBLIC_ORIGIN }) : null;
  if (!view) throw notFound({ headers: { "Cache-Control": "no-store" } });
  const { credential: _credential, ...shown } = view;
  return json(shown, { headers: HEADERS });
}

export default function SignedDocumentPage() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="container narrow document-page">
      <h1>{d.name}</h1>
      <p className="lead">{d.issuerName}</p>
      <SignedDocumentVerdict result={d.verification} facts={d.verification.document ?? null} t={t} locale={locale} />
      <section className="card" aria-labelledby="document-content-heading">
        <h2 id="document-content-heading">{t("services.document.content")}</h2>
        <dl>
          {d.lines.map((line, i) => (
            <div key={`${line.key}-${i}`}>
              <dt>{locale === "en" ? line.en : line.vi}</dt>
              <dd>{line.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <div className="button-row">
        <a className="button button-primary" href={`/documents/${d.id}.pdf`} download>
          {t("services.document.downloadPdf")}
        </a>
        <a className="button" href={`/documents/${d.id}.json`} download>
          {t("services.document.downloadJson")}
        </a>
        <a className="button button-ghost" href="/verify">
          {t("services.document.verifyElsewhere")}
        </a>
      </div>
    </div>
  );
}
