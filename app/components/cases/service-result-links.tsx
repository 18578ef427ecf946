import { useT } from "~/lib/i18n/use-t";

/**
 * The signed result of a service request (a certified copy, a confirmation letter): its page, its PDF and its signed
 * JSON, which the verify page accepts. For the submitter's pages (/services, /my/cases/{code}).
 */
export function ServiceResultLinks({ documentId }: { documentId: string | null }) {
  const t = useT();
  if (!documentId) return null;
  return (
    <span className="button-row service-result">
      <a href={`/documents/${documentId}`}>{t("services.result.view")}</a>
      <a href={`/documents/${documentId}.pdf`} download>
        {t("services.document.downloadPdf")}
      </a>
      <a href={`/documents/${documentId}.json`} download data-testid="result-json">
        {t("services.document.downloadJson")}
      </a>
    </span>
  );
}
