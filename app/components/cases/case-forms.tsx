import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormAlert, SelectField, TextAreaField, TextField } from "~/components/form";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import {
  ATTACHMENT_PURPOSE_LABELS,
  DEPARTMENT_LABELS,
  MINISTRY_DEPARTMENTS,
  NOTE_MAX,
  OUTCOME_LABELS,
} from "~/modules/cases/handle-forms";

/** What an action answered when it refused a form (app/modules/cases/handle-action.server.ts: CaseActionData). */
export interface CaseFormFailure {
  intent: string;
  values?: Record<string, string>;
  fieldErrors?: Record<string, string>;
  formError?: MessageKey;
  formErrorParams?: Record<string, string>;
}

/** One action's form: a titled card with its own error, its intent, its fields and its button. */
export function CaseActionForm({
  intent,
  title,
  submit,
  failure,
  multipart = false,
  danger = false,
  children,
}: {
  intent: string;
  title: string;
  submit: string;
  failure?: CaseFormFailure;
  multipart?: boolean;
  danger?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const mine = failure?.intent === intent ? failure : undefined;
  return (
    <Form
      method="post"
      className="form card case-action"
      encType={multipart ? "multipart/form-data" : undefined}
      aria-labelledby={`case-action-${intent}`}
      data-intent={intent}
      noValidate
    >
      <h3 id={`case-action-${intent}`}>{title}</h3>
      {mine?.formError ? <FormAlert kind="error">{t(mine.formError, mine.formErrorParams)}</FormAlert> : null}
      <input type="hidden" name="intent" value={intent} />
      {children}
      <div className="form-actions">
        <button type="submit" className={`button ${danger ? "button-danger" : "button-primary"}`} disabled={busy}>
          {submit}
        </button>
      </div>
    </Form>
  );
}

/** A note field of an action's form (public or internal), keeping what was typed when the form comes back. */
export function NoteField({
  intent,
  name = "note",
  label,
  hint,
  failure,
  required = false,
}: {
  intent: string;
  name?: string;
  label: string;
  hint?: string;
  failure?: CaseFormFailure;
  required?: boolean;
}) {
  const mine = failure?.intent === intent ? failure : undefined;
  return (
    <TextAreaField
      id={`f-${intent}-${name}`}
      name={name}
      label={label}
      hint={hint}
      rows={3}
      maxLength={NOTE_MAX}
      required={required}
      defaultValue={mine?.values?.[name] ?? ""}
      error={mine?.fieldErrors?.[name]}
    />
  );
}

/** The file input and purpose of an upload. */
export function FilesField({
  intent,
  failure,
  purposes,
}: {
  intent: string;
  failure?: CaseFormFailure;
  purposes: readonly (keyof typeof ATTACHMENT_PURPOSE_LABELS)[];
}) {
  const t = useT();
  const mine = failure?.intent === intent ? failure : undefined;
  const error = mine?.fieldErrors?.files;
  return (
    <>
      {purposes.length > 1 ? (
        <SelectField
          id={`f-${intent}-purpose`}
          name="purpose"
          label={t("cases.form.purpose")}
          defaultValue={mine?.values?.purpose ?? purposes[0]}
        >
          {purposes.map((p) => (
            <option key={p} value={p}>
              {t(ATTACHMENT_PURPOSE_LABELS[p])}
            </option>
          ))}
        </SelectField>
      ) : (
        <input type="hidden" name="purpose" value={purposes[0]} />
      )}
      <TextField
        id={`f-${intent}-files`}
        name="files"
        type="file"
        multiple
        accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
        label={t("cases.form.files")}
        hint={t("cases.form.filesHint")}
        error={error}
      />
    </>
  );
}

export function OutcomeField({
  outcomes,
  failure,
}: {
  outcomes: readonly (keyof typeof OUTCOME_LABELS)[];
  failure?: CaseFormFailure;
}) {
  const t = useT();
  const mine = failure?.intent === "resolve" ? failure : undefined;
  return (
    <SelectField
      id="f-resolve-outcome"
      name="outcome"
      label={t("cases.form.outcome")}
      defaultValue={mine?.values?.outcome ?? outcomes[0]}
      error={mine?.fieldErrors?.outcome}
    >
      {outcomes.map((o) => (
        <option key={o} value={o}>
          {t(OUTCOME_LABELS[o])}
        </option>
      ))}
    </SelectField>
  );
}

export function AssignFields({
  staff,
  departments,
  failure,
}: {
  staff: readonly { id: string; name: string }[];
  departments: boolean;
  failure?: CaseFormFailure;
}) {
  const t = useT();
  const mine = failure?.intent === "assign" ? failure : undefined;
  return (
    <>
      <SelectField
        id="f-assign-assigneeUserId"
        name="assigneeUserId"
        label={t("cases.form.assignee")}
        defaultValue={mine?.values?.assigneeUserId ?? ""}
        error={mine?.fieldErrors?.assigneeUserId}
      >
        <option value="">{t("cases.form.nobody")}</option>
        {staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      {departments ? (
        <SelectField
          id="f-assign-department"
          name="department"
          label={t("cases.form.department")}
          defaultValue={mine?.values?.department ?? ""}
          error={mine?.fieldErrors?.department}
        >
          <option value="">{t("cases.form.noDepartment")}</option>
          {MINISTRY_DEPARTMENTS.map((d) => (
            <option key={d} value={d}>
              {t(DEPARTMENT_LABELS[d])}
            </option>
          ))}
        </SelectField>
      ) : null}
    </>
  );
}
