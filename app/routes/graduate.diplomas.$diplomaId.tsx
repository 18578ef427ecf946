import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CopyButton } from "~/components/copy-button";
import { DateTime } from "~/components/date-time";
import { DiplomaCertificate, isPlainSvg } from "~/components/diploma-certificate";
import { FormAlert, SelectField } from "~/components/form";
import { DiplomaStatusBadge } from "~/components/issued-diplomas";
import { PrintButton } from "~/components/print-button";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { requirePermission } from "~/lib/guards.server";
import { foundOr404, readFormData, uuidOr404 } from "~/lib/http.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { formatDateVi } from "~/modules/reference/cell-values";
import { loadCredentialView } from "~/modules/diplomas/issued-pages.server";
import { createShareLink } from "~/modules/share-links/create-share-link.server";
import { listShareLinks } from "~/modules/share-links/queries.server";
import { revokeShareLink } from "~/modules/share-links/revoke-share-link.server";
import {
  createShareLinkInput,
  revokeShareLinkInput,
  SHARE_EXPIRIES,
  shareLinkPath,
  shareLinkState,
  type ShareExpiry,
  type ShareLinkState,
} from "~/modules/share-links/schema";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "graduate.title"),
  { name: "robots", content: "noindex" },
];

const NOTICES = ["claimed", "already", "share_created", "share_revoked"] as const;
const NOTICE_TEXT: Record<(typeof NOTICES)[number], MessageKey> = {
  claimed: "issued.graduate.notice.claimed",
  already: "issued.graduate.notice.already",
  share_created: "share.links.created",
  share_revoked: "share.links.revoked",
};
const EXPIRY_TEXT: Record<ShareExpiry, MessageKey> = {
  "7d": "share.expiry.7d",
  "30d": "share.expiry.30d",
  "1y": "share.expiry.1y",
  never: "share.expiry.never",
};
const STATE_TEXT: Record<ShareLinkState, MessageKey> = {
  active: "share.state.active",
  expired: "share.state.expired",
  revoked: "share.state.revoked",
};

/** One of the graduate's own diplomas (claimed_by = the user, in the query): view, download, share. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requirePermission(request, "graduate:own-profile");
  const diplomaId = uuidOr404(params.diplomaId);
  const view = foundOr404(
    await loadCredentialView({ diplomaId, claimedBy: session.user.id, origin: getEnv().PUBLIC_ORIGIN }),
  );
  const notice = NOTICES.find((n) => n === new URL(request.url).searchParams.get("notice")) ?? null;
  const now = new Date();
  const origin = getEnv().PUBLIC_ORIGIN;
  const shareLinks = (await listShareLinks(await getDb(), { userId: session.user.id, diplomaId: view.id })).map(
    (link) => ({
      id: link.id,
      url: `${origin}${shareLinkPath(link.token)}`,
      state: shareLinkState(link, now),
      createdAt: link.createdAt.toISOString(),
      expiresAt: link.expiresAt?.toISOString() ?? null,
      viewCount: link.viewCount,
    }),
  );
  return json({ ...view, notice, shareLinks }, { headers: { "Cache-Control": "no-store" } });
}

/**
 * POST: make a share link (intent=create-share, with its expiry) or revoke one (intent=revoke-share). Ownership is
 * in the use-cases' queries: another graduate's diploma or link is not found (404).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "graduate:own-profile");
  const diplomaId = uuidOr404(params.diplomaId);
  const form = await readFormData(request);
  const actor = { userId: session.user.id, ip: clientOf(request, context).ip };
  const back = (notice: "share_created" | "share_revoked") =>
    redirect(`/graduate/diplomas/${diplomaId}?notice=${notice}#share-links`);
  if (form.get("intent") === "create-share") {
    const input = createShareLinkInput.safeParse({ expiry: form.get("expiry") });
    if (!input.success) return json({ error: "share.error.invalid" as const }, { status: 400 });
    const created = await createShareLink({ diplomaId, expiry: input.data.expiry, actor });
    return created.ok ? back("share_created") : json({ error: "share.error.not_found" as const }, { status: 404 });
  }
  if (form.get("intent") === "revoke-share") {
    const input = revokeShareLinkInput.safeParse({ linkId: form.get("linkId") });
    const revoked = input.success ? await revokeShareLink({ linkId: input.data.linkId, actor }) : null;
    return revoked?.ok ? back("share_revoked") : json({ error: "share.error.not_found" as const }, { status: 404 });
  }
  return json({ error: "share.error.invalid" as const }, { status: 400 });
}

export default function GraduateDiploma() {
  const t = useT();
  const v = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const changedOn = v.statusChangedOn ? formatDateVi(v.statusChangedOn) : "…";
  return (
    <div className="container workspace graduate-diploma">
      <p>
        <Link to="/graduate">{t("issued.graduate.back")}</Link>
      </p>
      <h1>
        {v.programmeName} <DiplomaStatusBadge status={v.status} />
      </h1>
      <p className="lead">
        {v.schoolName} · {v.serial}
      </p>
      {v.notice ? <FormAlert kind="success">{t(NOTICE_TEXT[v.notice])}</FormAlert> : null}
      {actionData?.error ? <FormAlert kind="error">{t(actionData.error)}</FormAlert> : null}
      {v.status === "revoked" ? (
        <FormAlert kind="error">{t("issued.credential.revoked", { date: changedOn })}</FormAlert>
      ) : null}
      {v.status === "suspended" ? (
        <FormAlert kind="error">{t("issued.credential.suspended", { date: changedOn })}</FormAlert>
      ) : null}
      {v.status === "superseded" ? (
        <FormAlert kind="info">
          {t("issued.credential.superseded")}{" "}
          {v.supersededById ? (
            <Link to={`/credentials/${v.supersededById}`}>{t("issued.credential.current")}</Link>
          ) : null}{" "}
          {t("issued.graduate.replaced")}
        </FormAlert>
      ) : null}
      {v.compromised && (v.status === "issued" || v.status === "suspended") ? (
        <FormAlert kind="error">{t("issued.credential.compromised")}</FormAlert>
      ) : null}

      <div className="grid-2">
        {/* The QR code first: on a phone it is on the first screen, ready to be shown or scanned. */}
        <section className="card" aria-labelledby="share-title">
          <h2 id="share-title">{t("issued.graduate.share.title")}</h2>
          {v.qrSvg && isPlainSvg(v.qrSvg) ? (
            <div
              className="issued-qr"
              role="img"
              aria-label={t("issued.graduate.share.qr")}
              dangerouslySetInnerHTML={{ __html: v.qrSvg }}
            />
          ) : null}
          <p>
            <a href={v.links.qrPng} download={`qr-${v.serial ?? v.id}.png`}>
              {t("issued.graduate.share.qrDownload")}
            </a>
          </p>
          <p>{t("issued.graduate.share.intro")}</p>
          <div className="field">
            <label htmlFor="share-link">{t("issued.graduate.share.link")}</label>
            <div className="copy-row">
              <input id="share-link" type="text" readOnly value={v.links.pageUrl} />
              <CopyButton text={v.links.pageUrl} />
            </div>
          </div>
          <p>
            <a href={v.links.page}>{t("issued.graduate.share.open")}</a>
          </p>
          <p className="muted">{t("issued.graduate.share.warning")}</p>
        </section>
        <section className="card" aria-labelledby="download-title">
          <h2 id="download-title">{t("issued.graduate.download.title")}</h2>
          <ul className="issued-links">
            <li>
              <a href={`${v.links.pdf}?download=1`} download>
                {t("issued.credential.pdf")}
              </a>
            </li>
            <li>
              <a href={v.links.json} download={`van-bang-${v.serial ?? v.id}.json`}>
                {t("issued.graduate.download.json")}
              </a>
            </li>
            <li>
              <PrintButton label={t("issued.credential.print")} className="link-button" />
            </li>
          </ul>
          <p className="muted">{t("issued.graduate.download.jsonHelp")}</p>
        </section>
      </div>

      <section className="card share-links" id="share-links" aria-labelledby="share-links-title">
        <h2 id="share-links-title">{t("share.links.title")}</h2>
        <p>{t("share.links.intro")}</p>
        <Form method="post" className="share-links-form">
          <input type="hidden" name="intent" value="create-share" />
          <SelectField name="expiry" label={t("share.links.expiry")} defaultValue="30d">
            {SHARE_EXPIRIES.map((e) => (
              <option key={e} value={e}>
                {t(EXPIRY_TEXT[e])}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("share.links.create")}
          </button>
        </Form>
        {v.shareLinks.length === 0 ? (
          <p className="muted">{t("share.links.empty")}</p>
        ) : (
          <ul className="share-link-list">
            {v.shareLinks.map((link) => (
              <li key={link.id} className="share-link" data-state={link.state}>
                <div className="copy-row">
                  <input type="text" readOnly value={link.url} aria-label={t("share.links.link")} />
                  {link.state === "active" ? <CopyButton text={link.url} /> : null}
                </div>
                <p className="share-link-facts">
                  <span className={`status-badge ${link.state === "active" ? "status-accredited" : "status-rejected"}`}>
                    {t(STATE_TEXT[link.state])}
                  </span>{" "}
                  <span className="share-link-views">{t("share.links.viewsCount", { count: link.viewCount })}</span> ·{" "}
                  {t("share.links.createdAt")} <DateTime value={link.createdAt} /> · {t("share.links.expiresAt")}{" "}
                  {link.expiresAt ? <DateTime value={link.expiresAt} /> : t("share.links.never")}
                </p>
                {link.state === "active" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke-share" />
                    <input type="hidden" name="linkId" value={link.id} />
                    <button
                      type="submit"
                      className="button button-small"
                      disabled={busy}
                      aria-label={t("share.links.revokeLabel", { link: link.url.slice(-8) })}
                    >
                      {t("share.links.revoke")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <DiplomaCertificate document={v.document} qrSvg={v.qrSvg} />
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
