import { useEffect, useRef, useState, type FormEvent } from "react";
import { useNavigate } from "@remix-run/react";
import { FormAlert, SelectField, TextField } from "./form";
import { ProgrammeRequestButton } from "./programme-requests";
import type { MessageKey } from "~/lib/i18n";
import { formatNumber } from "~/lib/format-number";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { estimateRowCount } from "~/modules/drafts/estimate-rows";
import {
  DRAFT_IMPORT_LIMITS,
  FILE_ISSUE_LABELS,
  type DraftImportReport,
  type ImportFileIssueCode,
} from "~/modules/drafts/import-format";
import { CLASSIFICATION_CODES, GENDER_CODES, MODE_OF_STUDY_CODES, type DraftField } from "~/modules/drafts/schema";
import { classificationLabel } from "~/modules/documents/labels";
import {
  BATCH_STATUS_LABELS,
  DRAFT_FIELD_LABELS,
  GENDER_LABELS,
  MODE_OF_STUDY_LABELS,
} from "~/modules/diplomas/labels";
import { translateLabel } from "~/lib/labels";
import { formMessage } from "~/lib/forms";

const MAX_IMPORT_MB = DRAFT_IMPORT_LIMITS.maxBytes / 1048576;

/** The registrar's pieces of the batch pages: the draft form's fields, the import form with its progress, the report. */

const BATCH_STATUS_CLASS: Record<string, string> = {
  draft: "status-pending",
  submitted: "status-submitted",
  signed: "status-accredited",
  cancelled: "status-rejected",
};

export function BatchStatusBadge({ status }: { status: string }) {
  const t = useT();
  return (
    <span className={`status-badge ${BATCH_STATUS_CLASS[status] ?? ""}`}>
      {translateLabel(t, BATCH_STATUS_LABELS, status)}
    </span>
  );
}

export const fieldLabelKey = (field: DraftField) => DRAFT_FIELD_LABELS[field];

export interface ProgrammeOption {
  code: string;
  nameVi: string;
}

/** The fields of a draft, filled with what was typed (or stored) and each field's error. */
export function DraftFields({
  values,
  errors,
  programmes,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
  programmes: ProgrammeOption[];
}) {
  const t = useT();
  const locale = useLocale();
  const text = (name: DraftField, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      name={name}
      label={t(fieldLabelKey(name))}
      defaultValue={values[name] ?? ""}
      error={errors[name]}
      autoComplete="off"
      {...extra}
    />
  );
  return (
    <>
      <fieldset className="form-section">
        <legend>{t("diplomas.form.graduate")}</legend>
        {text("fullName", { required: true, maxLength: 120, hint: t("diplomas.form.fullNameHint") })}
        {text("dateOfBirth", { required: true, type: "date", max: "2999-12-31" })}
        {text("placeOfBirth", { required: true, maxLength: 200, hint: t("diplomas.form.placeOfBirthHint") })}
        <SelectField
          name="gender"
          label={t("diplomas.field.gender")}
          defaultValue={values.gender ?? ""}
          error={errors.gender}
          required
        >
          <option value="">{t("diplomas.form.choose")}</option>
          {GENDER_CODES.map((g) => (
            <option key={g} value={g}>
              {t(GENDER_LABELS[g])}
            </option>
          ))}
        </SelectField>
        {text("ethnicity", { required: true, maxLength: 50 })}
        {text("personalId", {
          required: true,
          inputMode: "numeric",
          maxLength: 14,
          pattern: "\\s*\\d{12}\\s*",
          hint: t("diplomas.form.personalIdHint"),
        })}
        {text("email", { type: "email", maxLength: 254, hint: t("diplomas.form.emailHint") })}
      </fieldset>
      <fieldset className="form-section">
        <legend>{t("diplomas.form.award")}</legend>
        {text("programmeCode", {
          required: true,
          inputMode: "numeric",
          maxLength: 8,
          list: "programme-codes",
          hint: t("diplomas.form.programmeHint"),
        })}
        <datalist id="programme-codes">
          {programmes.map((p) => (
            <option key={p.code} value={p.code}>
              {p.nameVi}
            </option>
          ))}
        </datalist>
        <SelectField
          name="modeOfStudy"
          label={t("diplomas.field.modeOfStudy")}
          defaultValue={values.modeOfStudy ?? "chinh_quy"}
          error={errors.modeOfStudy}
        >
          {MODE_OF_STUDY_CODES.map((m) => (
            <option key={m} value={m}>
              {t(MODE_OF_STUDY_LABELS[m])}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="classification"
          label={t("diplomas.field.classification")}
          defaultValue={values.classification ?? ""}
          error={errors.classification}
          required
        >
          <option value="">{t("diplomas.form.choose")}</option>
          {CLASSIFICATION_CODES.map((c) => (
            <option key={c} value={c}>
              {classificationLabel(c, locale)}
            </option>
          ))}
        </SelectField>
        {text("graduationDate", { required: true, type: "date", max: "2999-12-31" })}
        {text("graduationDecisionNumber", { required: true, maxLength: 50, hint: t("diplomas.form.decisionHint") })}
      </fieldset>
    </>
  );
}

/** What the import action answers (and the XHR upload reads). */
export type ImportActionData =
  | { status: "error"; error: MessageKey; params?: Record<string, string | number> }
  | {
      status: "rejected";
      code: "invalid_file" | "has_errors" | "file_changed" | "no_valid_rows";
      fileName: string;
      sha256: string;
      report: DraftImportReport;
    };

/** The import route's id, for the upload with progress (a Remix data request to its action). */
const IMPORT_ROUTE_ID = "routes/school.$code.batches.$batchId.import";

type Phase =
  { kind: "idle" } | { kind: "uploading"; loaded: number; total: number } | { kind: "checking"; rows: number | null };

/**
 * The import form. Without JavaScript it is a plain multipart form posted to the import route. With JavaScript the
 * file goes up by XMLHttpRequest, so that a <progress> shows the upload, then "checking N rows…"; the report comes
 * back in place, and "import only the valid rows" sends the same file again (the server checks it all again).
 */
export function DraftImportForm({
  action,
  initial,
  programmeRequestAction,
}: {
  action: string;
  initial?: ImportActionData;
  /** Where an unknown programme code's "ask the ministry" button posts (/school/{code}/programme-requests). */
  programmeRequestAction?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [result, setResult] = useState<ImportActionData | undefined>(initial);
  const file = useRef<File | null>(null);
  // Buttons that need JavaScript appear only once it runs; before that, the plain forms do the work.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const maxMb = DRAFT_IMPORT_LIMITS.maxBytes / 1048576;

  function send(chosen: File, mode: "all" | "valid_only", sha256?: string) {
    const body = new FormData();
    body.append("file", chosen);
    body.append("mode", mode);
    if (sha256) body.append("sha256", sha256);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${action}?_data=${encodeURIComponent(IMPORT_ROUTE_ID)}`);
    xhr.upload.onprogress = (e) =>
      setPhase({ kind: "uploading", loaded: e.loaded, total: e.lengthComputable ? e.total : chosen.size });
    xhr.upload.onload = () => {
      setPhase({ kind: "checking", rows: null });
      void estimateRowCount(chosen).then((rows) =>
        setPhase((p) => (p.kind === "checking" ? { kind: "checking", rows } : p)),
      );
    };
    xhr.onload = () => {
      const redirect = xhr.getResponseHeader("X-Remix-Redirect");
      setPhase({ kind: "idle" });
      if (redirect) {
        navigate(redirect);
        return;
      }
      let data: ImportActionData | undefined;
      try {
        data = JSON.parse(xhr.responseText) as ImportActionData;
      } catch {
        data = undefined;
      }
      if (xhr.status === 413 && (!data || !("status" in data))) {
        // Refused by the server's body cap before the route read it (app/server/body-limit.ts): the file is too large.
        data = { status: "error", error: "diplomas.import.file.file_too_large", params: { maxMb: MAX_IMPORT_MB } };
      } else if (xhr.getResponseHeader("X-Remix-Catch") || !data || !("status" in data)) {
        data = { status: "error", error: xhr.status === 403 ? "error.403.title" : "diplomas.import.failed" };
      }
      setResult(data);
    };
    xhr.onerror = () => {
      setPhase({ kind: "idle" });
      setResult({ status: "error", error: "diplomas.import.networkError" });
    };
    setResult(undefined);
    setPhase({ kind: "uploading", loaded: 0, total: chosen.size });
    xhr.send(body);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const input = event.currentTarget.elements.namedItem("file") as HTMLInputElement | null;
    const chosen = input?.files?.[0];
    if (!chosen || typeof XMLHttpRequest === "undefined") return; // the browser's own submission
    event.preventDefault();
    if (chosen.size > DRAFT_IMPORT_LIMITS.maxBytes) {
      // Said at once, without sending megabytes the server would refuse.
      setResult({ status: "error", error: "diplomas.import.file.file_too_large", params: { maxMb: MAX_IMPORT_MB } });
      return;
    }
    file.current = chosen;
    send(chosen, "all");
  }

  const busy = phase.kind !== "idle";
  return (
    <div className="import-panel">
      {result?.status === "error" ? <FormAlert kind="error">{t(result.error, result.params)}</FormAlert> : null}
      <form method="post" encType="multipart/form-data" action={action} className="form" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="mode" value="all" />
        <div className={`field${result?.status === "error" ? " field-invalid" : ""}`}>
          <label htmlFor="f-import-file">{t("diplomas.import.file")}</label>
          <p className="field-hint" id="f-import-file-hint">
            {t("diplomas.import.fileHint", { maxMb, maxRows: formatNumber(DRAFT_IMPORT_LIMITS.maxRows, locale) })}
          </p>
          <input
            id="f-import-file"
            name="file"
            type="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="f-import-file-hint"
            disabled={busy}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("diplomas.import.submit")}
          </button>
        </div>
      </form>
      {phase.kind === "uploading" ? (
        <div className="upload-progress" role="status">
          <label htmlFor="upload-progress">
            {t("diplomas.import.uploading", {
              percent: phase.total ? Math.round((phase.loaded / phase.total) * 100) : 0,
            })}
          </label>
          <progress id="upload-progress" max={phase.total || 1} value={phase.loaded} />
        </div>
      ) : null}
      {phase.kind === "checking" ? (
        <div className="upload-progress" role="status">
          <label htmlFor="check-progress">
            {phase.rows !== null
              ? t("diplomas.import.checkingRows", { rows: formatNumber(phase.rows, locale) })
              : t("diplomas.import.checking")}
          </label>
          <progress id="check-progress" />
        </div>
      ) : null}
      {result?.status === "rejected" ? (
        <DraftImportReportView
          data={result}
          action={action}
          programmeRequestAction={programmeRequestAction}
          onImportValid={file.current && !busy ? () => send(file.current!, "valid_only", result.sha256) : undefined}
          onFixFile={hydrated ? () => setResult(undefined) : undefined}
        />
      ) : null}
    </div>
  );
}

const SHOWN: DraftField[] = ["fullName", "dateOfBirth", "personalId", "programmeCode"];
/** The row issue of a programme code missing from the catalogue: the school may ask the ministry to add it. */
const PROGRAMME_UNKNOWN: MessageKey = "diplomas.validation.programmeUnknown";

/**
 * The report of a file that was not imported: the whole-file problem, or each invalid row with what was typed and
 * every problem of the row (column letter and header as in the file). Then the choice: fix the file, or import
 * only the valid rows — with JavaScript in one click, without it by choosing the same file again.
 */
export function DraftImportReportView({
  data,
  action,
  programmeRequestAction,
  onImportValid,
  onFixFile,
}: {
  data: Extract<ImportActionData, { status: "rejected" }>;
  action: string;
  programmeRequestAction?: string;
  onImportValid?: () => void;
  onFixFile?: () => void;
}) {
  const t = useT();
  const { report } = data;
  const issueKey = (code: ImportFileIssueCode) => FILE_ISSUE_LABELS[code];
  const columnName = (field: DraftField | null) => {
    if (!field) return t("diplomas.import.wholeRow");
    const column = report.columns[field];
    return column ? `${column.letter} · ${column.header}` : t(fieldLabelKey(field));
  };
  const canImportValid = report.validRowCount > 0 && (data.code === "has_errors" || data.code === "file_changed");
  return (
    <section className="card import-report" aria-labelledby="import-report-title" tabIndex={-1}>
      <h2 id="import-report-title">{t("diplomas.import.reportTitle", { name: data.fileName })}</h2>
      {report.fileIssue ? (
        <FormAlert kind="error">
          <p className="alert-title">{t("diplomas.import.rejectedFile")}</p>
          <p>{t(issueKey(report.fileIssue.code), report.fileIssue.params)}</p>
        </FormAlert>
      ) : (
        <FormAlert kind="error">
          {data.code === "file_changed" ? <p className="alert-title">{t("diplomas.error.file_changed")}</p> : null}
          {data.code === "no_valid_rows" ? <p className="alert-title">{t("diplomas.error.no_valid_rows")}</p> : null}
          <p>
            {t("diplomas.import.summary", {
              rows: report.rowCount,
              valid: report.validRowCount,
              invalid: report.invalidRowCount,
            })}{" "}
            {t("diplomas.import.nothingImported")}
          </p>
        </FormAlert>
      )}

      {report.invalidRows.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("diplomas.import.reportCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("diplomas.import.col.row")}</th>
                {SHOWN.map((f) => (
                  <th scope="col" key={f}>
                    {t(fieldLabelKey(f))}
                  </th>
                ))}
                <th scope="col">{t("diplomas.import.col.problems")}</th>
              </tr>
            </thead>
            <tbody>
              {report.invalidRows.map((r) => {
                const bad = new Set(r.issues.map((i) => i.field));
                return (
                  <tr key={r.row}>
                    <th scope="row">{r.row}</th>
                    {SHOWN.map((f) => (
                      <td key={f} className={bad.has(f) ? "cell-invalid" : undefined}>
                        {r.typed[f] ?? ""}
                      </td>
                    ))}
                    <td>
                      <ul className="issue-list">
                        {r.issues.map((issue, i) => (
                          <li key={i}>
                            <strong>{columnName(issue.field)}</strong>
                            {issue.field && !SHOWN.includes(issue.field) && r.typed[issue.field]
                              ? ` “${r.typed[issue.field]}”`
                              : null}
                            {": "}
                            {t(formMessage(issue.message), issue.params)}
                            {programmeRequestAction &&
                            issue.field === "programmeCode" &&
                            issue.message === PROGRAMME_UNKNOWN &&
                            r.typed.programmeCode ? (
                              <ProgrammeRequestButton
                                action={programmeRequestAction}
                                programmeCode={r.typed.programmeCode.trim()}
                                level={r.typed.level}
                              />
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {report.moreInvalidRows > 0 ? (
        <p className="muted">{t("diplomas.import.moreRows", { count: report.moreInvalidRows })}</p>
      ) : null}

      <h3>{t("diplomas.import.whatNext")}</h3>
      <ul className="choice-list">
        <li>
          <strong>{t("diplomas.import.fixFile")}</strong> {t("diplomas.import.fixFileBody")}
          {onFixFile ? (
            <>
              {" "}
              <button type="button" className="link-button" onClick={onFixFile}>
                {t("diplomas.import.chooseAnother")}
              </button>
            </>
          ) : null}
        </li>
        {canImportValid ? (
          <li>
            <strong>{t("diplomas.import.validOnly", { count: report.validRowCount })}</strong>{" "}
            {t("diplomas.import.validOnlyBody", { invalid: report.invalidRowCount })}
            {onImportValid ? (
              <div className="form-actions">
                <button type="button" className="button button-primary" onClick={onImportValid}>
                  {t("diplomas.import.validOnlySubmit", { count: report.validRowCount })}
                </button>
              </div>
            ) : (
              <form method="post" encType="multipart/form-data" action={action} className="form">
                <input type="hidden" name="mode" value="valid_only" />
                <input type="hidden" name="sha256" value={data.sha256} />
                <div className="field">
                  <label htmlFor="f-import-again">{t("diplomas.import.sameFileAgain", { name: data.fileName })}</label>
                  <input id="f-import-again" name="file" type="file" required accept=".csv,.xlsx" />
                </div>
                <div className="form-actions">
                  <button type="submit" className="button button-primary">
                    {t("diplomas.import.validOnlySubmit", { count: report.validRowCount })}
                  </button>
                </div>
              </form>
            )}
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/** The two downloadable templates. */
export function TemplateLinks({ schoolCode }: { schoolCode: string }) {
  const t = useT();
  const base = `/school/${schoolCode}/batches`;
  return (
    <>
      <a href={`${base}/template.xlsx`} download>
        {t("diplomas.template.downloadXlsx")}
      </a>
      {" · "}
      <a href={`${base}/template.csv`} download>
        {t("diplomas.template.download")}
      </a>
    </>
  );
}
