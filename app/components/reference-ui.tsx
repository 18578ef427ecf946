import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormAlert, SelectField, TextField } from "./form";
import { PROGRAMME_SOURCE_LABELS } from "~/modules/reference/labels";
import { PROGRAMME_SOURCES } from "~/modules/reference/programme-csv-format";
import { useT } from "~/lib/i18n/use-t";
import type { MessageKey } from "~/lib/i18n";

/** The notice after a reference-data form was saved: "saved", or "nothing changed" when the values were the same. */
export function SavedNotice({ saved }: { saved: "1" | "0" | null }) {
  const t = useT();
  if (saved === null) return null;
  return <FormAlert kind="success">{t(saved === "1" ? "reference.saved" : "reference.noChange")}</FormAlert>;
}

/** The alert at the top of a rejected form: its own message if any, else the generic "correct the errors below". */
export function FailureAlert({ failure }: { failure: { formError?: MessageKey } | undefined }) {
  const t = useT();
  if (!failure) return null;
  return <FormAlert kind="error">{t(failure.formError ?? "form.errorSummary")}</FormAlert>;
}

export interface ReferenceFormProps {
  /** The action's answer when the last submission was rejected. */
  failure: { formError?: MessageKey } | undefined;
  /** Hidden inputs posted first, in this order (e.g. `{ mode, code }`); undefined values are left out. */
  hidden?: Record<string, string | undefined>;
  className?: string;
  submitLabel?: MessageKey;
  /** Where "Cancel" goes; no cancel link without it. */
  cancelTo?: string;
  children: ReactNode;
}

/** A reference-data form: the failure alert, the fields, and the save (and cancel) buttons. */
export function ReferenceForm({
  failure,
  hidden = {},
  className = "form",
  submitLabel = "form.save",
  cancelTo,
  children,
}: ReferenceFormProps) {
  const t = useT();
  return (
    <>
      <FailureAlert failure={failure} />
      <Form method="post" className={className} noValidate>
        {Object.entries(hidden).map(([name, value]) =>
          value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
        )}
        {children}
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t(submitLabel)}
          </button>
          {cancelTo ? <Link to={cancelTo}>{t("form.cancel")}</Link> : null}
        </div>
      </Form>
    </>
  );
}

/** The "edit" card above a reference-data list (`#edit`): a heading and a {@link ReferenceForm}. Give it a `key` per row edited. */
export function EditCard({ title, ...form }: Omit<ReferenceFormProps, "className"> & { title: string }) {
  return (
    <section className="card" aria-labelledby="edit-title" id="edit">
      <h2 id="edit-title">{title}</h2>
      <ReferenceForm className="form reference-form" {...form} />
    </section>
  );
}

/** The Vietnamese and English name inputs of a reference-data form; the submitted values win over `current`'s. */
export function NameFields({
  values,
  errors,
  current,
  nameEnRequired = false,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** The row's stored names (empty for a new row). */
  current: { nameVi: string; nameEn: string | null };
  nameEnRequired?: boolean;
}) {
  const t = useT();
  return (
    <>
      <TextField
        name="nameVi"
        label={t("reference.col.nameVi")}
        defaultValue={values.nameVi ?? current.nameVi}
        required
        maxLength={255}
        error={errors.nameVi}
      />
      <TextField
        name="nameEn"
        label={t("reference.col.nameEn")}
        defaultValue={values.nameEn ?? current.nameEn ?? ""}
        required={nameEnRequired}
        maxLength={255}
        error={errors.nameEn}
        lang="en"
      />
    </>
  );
}

/** A programme's source (which decision or list it comes from); the submitted value wins over `current`. */
export function ProgrammeSourceField({
  values,
  errors,
  current,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
  current: string;
}) {
  const t = useT();
  return (
    <SelectField
      name="source"
      label={t("reference.col.source")}
      defaultValue={values.source ?? current}
      error={errors.source}
    >
      {PROGRAMME_SOURCES.map((s) => (
        <option key={s} value={s}>
          {t(PROGRAMME_SOURCE_LABELS[s])}
        </option>
      ))}
    </SelectField>
  );
}

/** A reference-data list: the column headings (and a hidden "actions" heading for the edit links) over the rows. */
export function ReferenceTable({
  columns,
  actions = true,
  children,
}: {
  columns: MessageKey[];
  actions?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {columns.map((key) => (
              <th key={key} scope="col">
                {t(key)}
              </th>
            ))}
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">{t("reference.col.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** The last cell of a row: its "edit" link (to `?…edit=code#edit`), labelled with the row's name for screen readers. */
export function EditLinkCell({ to, name }: { to: string; name: string }) {
  const t = useT();
  return (
    <td>
      <Link to={to} aria-label={t("reference.editLabel", { name })}>
        {t("reference.edit")}
      </Link>
    </td>
  );
}

/** "Tỉnh" / "Thành phố" (stored in Vietnamese), in the page's language. */
export function provinceKindKey(kind: string): MessageKey {
  return kind === "thành phố" ? "reference.provinceKind.thanhPho" : "reference.provinceKind.tinh";
}

export function caoDangTitleKey(title: string): MessageKey {
  return title === "kỹ sư thực hành" ? "reference.caoDangTitle.kySu" : "reference.caoDangTitle.cuNhan";
}
