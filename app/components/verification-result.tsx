import type { ReactNode } from "react";
import type { MessageKey, Translate } from "~/lib/i18n";
import { browserAgrees, type BrowserCheck, type BrowserVerdict } from "~/modules/verification/check-in-browser";
import type { Verdict, VerificationResult } from "~/modules/verification/verdict";
import { TRAINING_LEVELS } from "~/modules/reference/levels";
import { formatDateVi } from "~/modules/diplomas/cell-values";

/** Green for valid; amber for doubtful (the diploma exists but does not stand as is); red for everything else. */
export function verdictTone(verdict: Verdict): "ok" | "warn" | "bad" {
  if (verdict === "valid") return "ok";
  if (verdict === "suspended" || verdict === "superseded" || verdict === "status_unknown") return "warn";
  return "bad";
}

const TONE_ICON = { ok: "✓", warn: "!", bad: "✕" } as const;

/** The verdict in words and colour. Its heading is the page's h1: the first thing a screen reader says. */
export function VerdictBanner({ result, t, locale }: { result: VerificationResult; t: Translate; locale: "vi" | "en" }) {
  const tone = verdictTone(result.verdict);
  const changedAt = result.status?.changedAt;
  return (
    <section className={`verdict verdict-${tone}`} data-verdict={result.verdict} aria-labelledby="verdict-heading">
      <h1 id="verdict-heading">
        <span className="verdict-icon" aria-hidden="true">
          {TONE_ICON[tone]}
        </span>
        {t(`verify.verdict.${result.verdict}` as MessageKey)}
      </h1>
      <p>{t(`verify.explain.${result.verdict}` as MessageKey)}</p>
      {changedAt && (result.verdict === "revoked" || result.verdict === "suspended" || result.verdict === "superseded") ? (
        <p>{t("verify.changedOn", { date: formatDateVi(changedAt.slice(0, 10)) })}</p>
      ) : null}
      {result.status?.reason && (result.verdict === "revoked" || result.verdict === "suspended") ? (
        <p className="verdict-status-reason prewrap">{t("verify.statusReason", { reason: result.status.reason })}</p>
      ) : null}
      {result.reasons.length > 0 ? (
        <ul className="verdict-reasons" aria-label={t("verify.reasons")}>
          {result.reasons.map((r, i) => (
            <li key={`${r.code}-${i}`}>{locale === "en" ? r.en : r.vi}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** What the QR code carries, and nothing more: never the personal ID number (the payload does not hold it). */
export function MinimalDiplomaFacts({ result, t, locale }: { result: VerificationResult; t: Translate; locale: "vi" | "en" }) {
  const d = result.diploma;
  if (!d) return null;
  const level = TRAINING_LEVELS.find((l) => l.code === d.levelCode);
  const rows: [MessageKey, ReactNode][] = [
    [
      "verify.field.holder",
      <>
        {d.holderName}
        {d.holderNameTruncated ? (
          <>
            {" "}
            <abbr className="badge" title={t("verify.field.truncatedLabel")}>
              {t("verify.field.truncated")}
            </abbr>
          </>
        ) : null}
      </>,
    ],
    ["verify.field.programme", d.programmeName ? `${d.programmeName} (${d.programmeCode})` : d.programmeCode],
    ["verify.field.level", level ? (locale === "en" ? level.nameEn : level.nameVi) : d.levelCode],
    ["verify.field.classification", t(`diplomas.classification.${d.classification}` as MessageKey)],
    ["verify.field.graduationYear", String(d.graduationYear)],
    ["verify.field.school", result.issuer ? `${result.issuer.name ?? result.issuer.code} (${result.issuer.code})` : "—"],
    ["verify.field.serial", d.serial],
    ["verify.field.issueDate", formatDateVi(d.issueDate)],
  ];
  return (
    <section className="card verify-facts" aria-labelledby="verify-facts-heading">
      <h2 id="verify-facts-heading">{t("verify.minimal")}</h2>
      <dl>
        {rows.map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const SIGNATURE_TEXT: Record<BrowserCheck, MessageKey> = {
  passed: "verify.local.passed",
  failed: "verify.local.failed",
  unknown_issuer: "verify.local.unknownIssuer",
  key_not_valid: "verify.local.keyNotValid",
  malformed: "verify.local.malformed",
};

/** What the browser found about the status, once the signature passed. */
function statusText(browser: BrowserVerdict): MessageKey | null {
  if (browser.problem === "status_unavailable") return "verify.local.status.unavailable";
  if (browser.problem === "status_unverified") return "verify.local.status.unverified";
  if (browser.problem === "registry_stale") return "verify.local.status.registryStale";
  if (browser.verdict === "valid") return "verify.local.status.clear";
  if (browser.verdict === "revoked") return "verify.local.status.revoked";
  if (browser.verdict === "suspended") return "verify.local.status.suspended";
  return null;
}

type Agreement = "agrees" | "unconfirmed" | "disagrees";

/** Whether the browser's own check confirms the server's verdict; a network failure only leaves it unconfirmed. */
function agreementOf(server: Verdict, browser: BrowserVerdict): Agreement {
  if (browserAgrees(server, browser.verdict)) return "agrees";
  return browser.problem === "registry_unavailable" || browser.problem === "status_unavailable" ? "unconfirmed" : "disagrees";
}

/**
 * The independent check in the visitor's browser: the signature, the status, and — on a verdict page — whether it
 * agrees with the server's verdict (a disagreement is announced at once). Empty until the page's script runs.
 */
export function BrowserCheckNote({ state, server, t }: { state: BrowserVerdict | "checking" | null; server?: Verdict; t: Translate }) {
  const browser = state === "checking" || state === null ? null : state;
  const agreement = browser && server ? agreementOf(server, browser) : null;
  const tone =
    browser === null
      ? "neutral"
      : agreement === "disagrees" || browser.signature === "failed" || browser.problem === "registry_unverified" || browser.problem === "status_unverified"
        ? "bad"
        : agreement === "unconfirmed" || browser.problem !== null
          ? "neutral"
          : browser.signature === "passed"
            ? "ok"
            : "bad";
  const status = browser?.signature === "passed" ? statusText(browser) : null;
  return (
    <div
      className={`browser-check browser-check-${tone}`}
      data-state={state === null ? "idle" : state === "checking" ? "checking" : (browser!.problem ?? browser!.signature ?? "idle")}
      data-verdict={browser?.verdict}
      data-agreement={agreement ?? undefined}
      role={agreement === "disagrees" ? "alert" : undefined}
      aria-live={agreement === "disagrees" ? "assertive" : "polite"}
      aria-atomic="true"
    >
      {state ? (
        <>
          <p className="browser-check-title">{t("verify.local.title")}</p>
          {browser === null ? (
            <p>{t("verify.local.checking")}</p>
          ) : (
            <>
              <p>
                {browser.signature
                  ? t(SIGNATURE_TEXT[browser.signature])
                  : t(browser.problem === "registry_unverified" ? "verify.local.registryUnverified" : "verify.local.unavailable")}
              </p>
              {status ? <p>{t(status)}</p> : null}
              {agreement === "agrees" ? <p>{t("verify.local.agrees")}</p> : null}
              {agreement === "unconfirmed" || agreement === "disagrees" ? (
                <p className="browser-check-agreement">
                  <strong>{t(`verify.local.${agreement}`, { verdict: t(`verify.verdict.${browser.verdict}` as MessageKey) })}</strong>
                </p>
              ) : null}
            </>
          )}
          <p className="muted">{t("verify.local.note")}</p>
        </>
      ) : null}
    </div>
  );
}
