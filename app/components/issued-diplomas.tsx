import { Link } from "@remix-run/react";
import { useT } from "~/lib/i18n/use-t";
import { formMessage } from "~/lib/forms";
import { DIPLOMA_STATUS_LABELS } from "~/modules/diplomas/labels";
import { translateLabel } from "~/lib/labels";

/** Small pieces shared by the signed-diploma pages (school, public, graduate). Presentational only. */

const STATUS_CLASS: Record<string, string> = {
  issued: "status-accredited",
  suspended: "status-pending",
  revoked: "status-rejected",
  superseded: "status-pending", // amber, as the verify page's banner: one colour for superseded everywhere
  draft: "status-pending",
};

export function DiplomaStatusBadge({ status }: { status: string }) {
  const t = useT();
  return (
    <span className={`status-badge ${STATUS_CLASS[status] ?? ""}`}>
      {translateLabel(t, DIPLOMA_STATUS_LABELS, status)}
    </span>
  );
}

/** A required confirmation checkbox with its error tied to it. `value` is "on" (what the schemas expect). */
export function ConfirmCheckbox({ id, label, error }: { id: string; label: string; error?: string }) {
  const t = useT();
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label className="choice" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          name="confirm"
          value="on"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <span>{label}</span>
      </label>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(formMessage(error))}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The signing section of a batch page (the registrar's page, app/routes/school.$code.batches.$batchId._index.tsx):
 * for a principal, the way to the signing page; for everyone, once signed, the way to the issued diplomas.
 */
export function BatchSignPanel({
  schoolCode,
  batchId,
  status,
  canSign,
}: {
  schoolCode: string;
  batchId: string;
  status: string;
  canSign: boolean;
}) {
  const t = useT();
  if (status === "signed") {
    return (
      <div className="card">
        <p>{t("issued.sign.panelSigned")}</p>
        <Link to={`/school/${schoolCode}/diplomas?batch=${batchId}`} className="button">
          {t("issued.sign.viewDiplomas")}
        </Link>
      </div>
    );
  }
  if (!canSign || status !== "submitted") return null;
  return (
    <div className="card">
      <h2>{t("issued.sign.title")}</h2>
      <p>{t("issued.sign.panelSubmitted")}</p>
      <Link to={`/school/${schoolCode}/batches/${batchId}/sign`} className="button button-primary">
        {t("issued.sign.openSign")}
      </Link>
    </div>
  );
}
