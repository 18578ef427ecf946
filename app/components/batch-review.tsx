import type { MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { formatDateVi } from "~/modules/reference/cell-values";
import type { BatchRowOrderCode } from "~/modules/drafts/batch-order";
import type { ComparedField, FieldComparison } from "~/modules/diplomas/correction-diff";
import { classificationLabel } from "~/modules/documents/labels";
import type { CLASSIFICATION_CODES } from "~/modules/drafts/schema";

type BatchRowOrder = BatchRowOrderCode;
type Classification = (typeof CLASSIFICATION_CODES)[number];

/** The principal's review of a batch: the list in the register's order, and each correction's old and new values. */

export const ROW_ORDER_LABEL: Record<BatchRowOrder, MessageKey> = {
  import: "diplomas.order.import",
  given_name: "diplomas.order.given_name",
  full_name: "diplomas.order.full_name",
};

const FIELD_LABEL: Record<ComparedField, MessageKey> = {
  fullName: "diplomas.field.fullName",
  dateOfBirth: "diplomas.field.dateOfBirth",
  placeOfBirth: "diplomas.field.placeOfBirth",
  gender: "diplomas.field.gender",
  ethnicity: "diplomas.field.ethnicity",
  personalId: "diplomas.field.personalId",
  programmeCode: "diplomas.field.programmeCode",
  level: "diplomas.field.level",
  honorificTitle: "diplomas.field.honorificTitle",
  modeOfStudy: "diplomas.field.modeOfStudy",
  classification: "diplomas.field.classification",
  graduationDate: "diplomas.field.graduationDate",
  graduationDecisionNumber: "diplomas.field.graduationDecisionNumber",
};

export function BatchOrderLabel({ order }: { order: BatchRowOrder }) {
  const t = useT();
  return <strong data-row-order={order}>{t(ROW_ORDER_LABEL[order])}</strong>;
}

export interface SignListRow {
  id: string;
  rowNumber: number;
  fullName: string;
  dateOfBirth: string;
  programmeCode: string;
  classification: Classification;
  hasEmail: boolean;
}

export function SignList({ rows }: { rows: SignListRow[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="table-wrap">
      <table data-testid="sign-list">
        <thead>
          <tr>
            <th scope="col">{t("issued.sign.col.no")}</th>
            <th scope="col">{t("diplomas.field.fullName")}</th>
            <th scope="col">{t("diplomas.field.dateOfBirth")}</th>
            <th scope="col">{t("diplomas.field.programmeCode")}</th>
            <th scope="col">{t("diplomas.field.classification")}</th>
            <th scope="col">{t("diplomas.drafts.email")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.rowNumber}</td>
              <td>{r.fullName}</td>
              <td className="nowrap">{formatDateVi(r.dateOfBirth)}</td>
              <td>
                <code>{r.programmeCode}</code>
              </td>
              <td>{classificationLabel(r.classification, locale)}</td>
              <td>{t(r.hasEmail ? "diplomas.drafts.hasEmail" : "diplomas.drafts.noEmail")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface CorrectionView {
  id: string;
  kind: "correct" | "reissue";
  oldSerial: string | null;
  reason: string | null;
  fields: FieldComparison[];
}

/** Old and new values side by side; a changed field is marked in words (not only by colour). */
export function CorrectionComparison({ correction: c }: { correction: CorrectionView }) {
  const t = useT();
  const anyChange = c.fields.some((f) => f.changed);
  const titleId = `correction-${c.id}`;
  return (
    <section className="card" aria-labelledby={titleId} data-testid="correction-comparison">
      <h2 id={titleId}>
        {t(c.kind === "reissue" ? "issued.sign.reissueTitle" : "issued.sign.correctionTitle", {
          serial: c.oldSerial ?? "—",
        })}
      </h2>
      {c.reason ? (
        <p>
          <strong>{t("issued.sign.correctionReason")}:</strong> <span className="prewrap">{c.reason}</span>
        </p>
      ) : null}
      {!anyChange ? <p className="muted">{t("issued.sign.noChange")}</p> : null}
      <div className="table-wrap">
        <table className="comparison-table">
          <thead>
            <tr>
              <th scope="col">{t("issued.sign.col.field")}</th>
              <th scope="col">{t("issued.sign.col.old")}</th>
              <th scope="col">{t("issued.sign.col.new")}</th>
            </tr>
          </thead>
          <tbody>
            {c.fields.map((f) => (
              <tr
                key={f.field}
                className={f.changed ? "comparison-changed" : undefined}
                data-changed={f.changed ? "true" : undefined}
              >
                <th scope="row">{t(FIELD_LABEL[f.field])}</th>
                <td>{f.changed ? <del>{f.old}</del> : f.old}</td>
                <td>
                  {f.changed ? (
                    <>
                      <ins>{f.new}</ins>{" "}
                      <span className="status-badge status-submitted">{t("issued.sign.changed")}</span>
                    </>
                  ) : (
                    f.new
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
