import { DateTime } from "~/components/date-time";
import type { MessageKey, Translate } from "~/lib/i18n";
import type { SignedDocumentFacts, Verdict, VerificationResult } from "~/modules/verification/verdict";

const TYPE_TEXT: Record<string, MessageKey> = {
  CertifiedCopyCredential: "services.document.type.certified_copy",
  DiplomaConfirmationCredential: "services.document.type.confirmation_letter",
  CaseReplyCredential: "services.document.type.case_reply",
  CaseResultCredential: "services.document.type.case_result",
};

const TONE: Record<Verdict, "ok" | "warn" | "bad"> = {
  valid: "ok",
  status_unknown: "warn",
  suspended: "warn",
  superseded: "warn",
  revoked: "bad",
  invalid_signature: "bad",
  unknown_issuer: "bad",
  key_not_valid: "bad",
  malformed: "bad",
};

/**
 * The verdict on an organisation's signed document (its public page, the verify page's file check): valid or not,
 * why, who signed it and when. `headingLevel` 1 on the verify page (the verdict is the page), 2 under a title.
 */
export function SignedDocumentVerdict({
  result,
  facts,
  t,
  locale,
  headingLevel = 2,
}: {
  result: VerificationResult;
  facts: SignedDocumentFacts | null;
  t: Translate;
  locale: "vi" | "en";
  headingLevel?: 1 | 2;
}) {
  const tone = TONE[result.verdict];
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <section
      className={`verdict verdict-${tone}`}
      data-verdict={result.verdict}
      data-testid="document-verdict"
      aria-labelledby="document-verdict-heading"
    >
      <Heading id="document-verdict-heading">
        <span className="verdict-icon" aria-hidden="true">
          {tone === "ok" ? "✓" : tone === "warn" ? "!" : "✕"}
        </span>
        {t(result.verdict === "valid" ? "services.document.valid" : "services.document.invalid")}
      </Heading>
      <ul className="verdict-reasons" aria-label={t("services.document.reasons")}>
        {result.reasons.map((r, i) => (
          <li key={`${r.code}-${i}`}>{locale === "en" ? r.en : r.vi}</li>
        ))}
      </ul>
      {facts ? (
        <dl>
          <div>
            <dt>{t("services.document.kind")}</dt>
            <dd>{TYPE_TEXT[facts.type] ? t(TYPE_TEXT[facts.type]!) : facts.type}</dd>
          </div>
          {facts.name ? (
            <div>
              <dt>{t("services.document.title")}</dt>
              <dd>{facts.name}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("services.document.signedBy")}</dt>
            <dd data-testid="document-signer">{facts.issuerName}</dd>
          </div>
          {facts.signedAt ? (
            <div>
              <dt>{t("services.document.signedAt")}</dt>
              <dd>
                <DateTime value={facts.signedAt} />
              </dd>
            </div>
          ) : null}
          {facts.url ? (
            <div>
              <dt>{t("services.document.page")}</dt>
              <dd>
                <a href={new URL(facts.url).pathname}>{facts.url}</a>
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </section>
  );
}
