import type { ReactNode } from "react";
import type { MessageKey, Translate } from "~/lib/i18n";
import { browserAgrees, type BrowserCheck, type BrowserVerdict } from "~/modules/verification/check-in-browser";
import type { Verdict, VerificationResult } from "~/modules/verification/verdict";
import { EXPLAIN_TEXT, VERDICT_TEXT } from "~/modules/verification/verdict-text";
import { TRAINING_LEVELS } from "~/modules/reference/levels";
import { formatDateVi } from "~/modules/reference/cell-values";
import { classificationLabel } from "~/modules/documents/labels";

/** Where the checked diploma came from: its QR code, or the credential JSON file a graduate holds. */
export type VerifiedSource = "qr" | "file";

/** The wording that names the source: a file is not a QR code. */
const FILE_VERDICT: Partial<Record<Verdict, MessageKey>> = { malformed: "verify.file.verdict.malformed" };
const FILE_EXPLAIN: Partial<Record<Verdict, MessageKey>> = {
  malformed: "verify.file.explain.malformed",
  invalid_signature: "verify.file.explain.invalid_signature",
};

/** Reasons that only restate the verdict's own explanation (said once, not twice). */
const RESTATES: Record<string, Verdict> = {
  genuine: "valid",
  revoked: "revoked",
  suspended: "suspended",
  superseded: "superseded",
};

/** Green for valid; amber for doubtful (the diploma exists but does not stand as is); red for everything else. */
export function verdictTone(verdict: Verdict): "ok" | "warn" | "bad" {
  if (verdict === "valid") return "ok";
  if (verdict === "suspended" || verdict === "superseded" || verdict === "status_unknown") return "warn";
  return "bad";
}

const TONE_ICON = { ok: "✓", warn: "!", bad: "✕" } as const;

/** The verdict in words and colour. Its heading is the page's h1: the first thing a screen reader says. */
export function VerdictBanner({
  result,
  t,
  locale,
  source = "qr",
}: {
  result: VerificationResult;
  t: Translate;
  locale: "vi" | "en";
  source?: VerifiedSource;
}) {
  const tone = verdictTone(result.verdict);
  const changedAt = result.status?.changedAt;
  const title = (source === "file" ? FILE_VERDICT[result.verdict] : undefined) ?? VERDICT_TEXT[result.verdict];
  const explain = (source === "file" ? FILE_EXPLAIN[result.verdict] : undefined) ?? EXPLAIN_TEXT[result.verdict];
  const reasons = result.reasons.filter((r) => RESTATES[r.code] !== result.verdict);
  return (
    <section className={`verdict verdict-${tone}`} data-verdict={result.verdict} aria-labelledby="verdict-heading">
      <h1 id="verdict-heading">
        <span className="verdict-icon" aria-hidden="true">
          {TONE_ICON[tone]}
        </span>
        {t(title)}
      </h1>
      <p>{t(explain)}</p>
      {changedAt &&
      (result.verdict === "revoked" || result.verdict === "suspended" || result.verdict === "superseded") ? (
        <p>{t("verify.changedOn", { date: formatDateVi(changedAt.slice(0, 10)) })}</p>
      ) : null}
      {result.status?.reason && (result.verdict === "revoked" || result.verdict === "suspended") ? (
        <p className="verdict-status-reason prewrap">{t("verify.statusReason", { reason: result.status.reason })}</p>
      ) : null}
      {reasons.length > 0 ? (
        <ul className="verdict-reasons" aria-label={t("verify.reasons")}>
          {reasons.map((r, i) => (
            <li key={`${r.code}-${i}`}>{locale === "en" ? r.en : r.vi}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * What the QR code (or the credential file) says, and nothing more: never the personal ID number. The holder, the
 * programme, the level and the school come first: on a phone they are on the first screen, under the verdict.
 */
export function MinimalDiplomaFacts({
  result,
  t,
  locale,
  source = "qr",
}: {
  result: VerificationResult;
  t: Translate;
  locale: "vi" | "en";
  source?: VerifiedSource;
}) {
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
    [
      "verify.field.school",
      result.issuer ? `${result.issuer.name ?? result.issuer.code} (${result.issuer.code})` : "—",
    ],
    ["verify.field.classification", classificationLabel(d.classification, locale)],
    ["verify.field.graduationYear", String(d.graduationYear)],
    ["verify.field.serial", d.serial],
    ["verify.field.issueDate", formatDateVi(d.issueDate)],
  ];
  return (
    <section className="card verify-facts" aria-labelledby="verify-facts-heading">
      <h2 id="verify-facts-heading">{t(source === "file" ? "verify.minimal.file" : "verify.minimal")}</h2>
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
function statusText(browser: BrowserVerdict, server: Verdict | undefined): MessageKey | null {
  if (browser.problem === "status_unavailable") return "verify.local.status.unavailable";
  if (browser.problem === "status_unverified") return "verify.local.status.unverified";
  if (browser.problem === "registry_stale") return "verify.local.status.registryStale";
  if (browser.verdict === "valid") return "verify.local.status.clear";
  // A superseded diploma has its revocation bit set: the list cannot tell the two apart, the server can.
  if (browser.verdict === "revoked")
    return server === "superseded" ? "verify.local.status.superseded" : "verify.local.status.revoked";
  if (browser.verdict === "suspended") return "verify.local.status.suspended";
  return null;
}

type Agreement = "agrees" | "unconfirmed" | "disagrees";

/** Whether the browser's own check confirms the server's verdict; a network failure only leaves it unconfirmed. */
function agreementOf(server: Verdict, browser: BrowserVerdict): Agreement {
  if (browserAgrees(server, browser.verdict)) return "agrees";
  return browser.problem === "registry_unavailable" || browser.problem === "status_unavailable"
    ? "unconfirmed"
    : "disagrees";
}

const SUMMARY_TEXT: Record<"checking" | "agrees" | "unconfirmed", MessageKey> = {
  checking: "verify.local.summary.checking",
  agrees: "verify.local.summary.agrees",
  unconfirmed: "verify.local.summary.unconfirmed",
};

/**
 * The independent check in the visitor's browser: the signature, the status, and — on a verdict page — whether it
 * agrees with the server's verdict. On a verdict page, while it runs, agrees or is merely unconfirmed, it is one line
 * with its details on demand; a disagreement (or a failed check) is never folded away: shown in full and announced
 * at once. Agreeing, it takes the verdict's own colour (one colour per verdict on the page). Empty until the page's
 * script runs.
 */
export function BrowserCheckNote({
  state,
  server,
  t,
}: {
  state: BrowserVerdict | "checking" | null;
  server?: Verdict;
  t: Translate;
}) {
  const browser = state === "checking" || state === null ? null : state;
  const agreement = browser && server ? agreementOf(server, browser) : null;
  const failed =
    browser !== null &&
    (browser.signature === "failed" ||
      browser.problem === "registry_unverified" ||
      browser.problem === "status_unverified");
  const tone =
    browser === null
      ? "neutral"
      : agreement === "agrees" && server
        ? verdictTone(server)
        : agreement === "disagrees" || failed
          ? "bad"
          : agreement === "unconfirmed" || browser.problem !== null
            ? "neutral"
            : browser.signature === "passed"
              ? "ok"
              : "bad";
  const status = browser?.signature === "passed" ? statusText(browser, server) : null;
  const summary =
    server && state !== null
      ? browser === null
        ? "checking"
        : agreement === "disagrees" || (failed && agreement !== "agrees")
          ? null
          : agreement
      : null;
  const details =
    browser === null ? (
      <p>{t("verify.local.checking")}</p>
    ) : (
      <>
        <p>
          {browser.signature
            ? t(SIGNATURE_TEXT[browser.signature])
            : t(
                browser.problem === "registry_unverified"
                  ? "verify.local.registryUnverified"
                  : "verify.local.unavailable",
              )}
        </p>
        {status ? <p>{t(status)}</p> : null}
        {agreement === "agrees" ? <p>{t("verify.local.agrees")}</p> : null}
        {agreement === "unconfirmed" || agreement === "disagrees" ? (
          <p className="browser-check-agreement">
            <strong>
              {t(agreement === "unconfirmed" ? "verify.local.unconfirmed" : "verify.local.disagrees", {
                verdict: t(VERDICT_TEXT[browser.verdict]),
              })}
            </strong>
          </p>
        ) : null}
      </>
    );
  return (
    <div
      className={`browser-check browser-check-${tone}`}
      data-state={
        state === null ? "idle" : state === "checking" ? "checking" : (browser!.problem ?? browser!.signature ?? "idle")
      }
      data-verdict={browser?.verdict}
      data-agreement={agreement ?? undefined}
      role={agreement === "disagrees" ? "alert" : undefined}
      aria-live={agreement === "disagrees" ? "assertive" : "polite"}
      aria-atomic="true"
    >
      {state === null ? null : summary ? (
        <details className="browser-check-details">
          <summary>
            <span className="browser-check-summary">{t(SUMMARY_TEXT[summary])}</span>
            <span className="visually-hidden"> ({t("verify.local.summary.more")})</span>
          </summary>
          {details}
          <p className="muted">{t("verify.local.note")}</p>
        </details>
      ) : (
        <>
          <p className="browser-check-title">{t("verify.local.title")}</p>
          {details}
          <p className="muted">{t("verify.local.note")}</p>
        </>
      )}
    </div>
  );
}
