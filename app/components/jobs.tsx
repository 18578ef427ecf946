import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { EMPLOYMENT_TYPES } from "~/modules/jobs/codes";
import { SelectField, TextAreaField, TextField } from "~/components/form";
import { CodeCombobox, type CodeChoiceView } from "~/components/code-combobox";
import { formatNumber } from "~/lib/format-number";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { explainMatch, type MatchReason } from "~/modules/matching/score";
import { formMessage } from "~/lib/forms";
import { EMPLOYMENT_TYPE_LABELS } from "~/modules/jobs/labels";

export interface NamedCode {
  code: string;
  /** Vietnamese. */
  name: string;
  nameEn?: string | null;
}

/** "15.000.000 – 20.000.000 ₫", "từ 8.000.000 ₫", or "Thỏa thuận". */
export function SalaryText({ min, max, negotiable }: { min: number | null; max: number | null; negotiable: boolean }) {
  const t = useT();
  const locale = useLocale();
  const vnd = (n: number) => `${formatNumber(n, locale)} ₫`;
  if (min !== null && max !== null) return <>{`${vnd(min)} – ${vnd(max)}`}</>;
  if (min !== null) return <>{t("jobs.salary.from", { amount: vnd(min) })}</>;
  if (max !== null) return <>{t("jobs.salary.upTo", { amount: vnd(max) })}</>;
  return <>{negotiable ? t("jobs.salary.negotiable") : "—"}</>;
}

export function WhereText({
  provinceCodes,
  remote,
  provinces,
}: {
  provinceCodes: readonly string[];
  remote: boolean;
  provinces: readonly NamedCode[];
}) {
  const t = useT();
  const names = provinceCodes.map((c) => provinces.find((p) => p.code === c)?.name ?? c);
  if (remote) names.push(t("jobs.remote"));
  return <>{names.join(", ")}</>;
}

/** The reasons of a match in words, in the page's language: "Đúng ngành Kế toán · Cùng tỉnh Đà Nẵng · Trình độ cao đẳng ≥ trung cấp". */
export function MatchReasons({
  reasons,
  levels,
  provinces,
  programmes = [],
  occupations = [],
}: {
  reasons: readonly MatchReason[];
  levels: readonly NamedCode[];
  provinces: readonly NamedCode[];
  programmes?: readonly NamedCode[];
  occupations?: readonly NamedCode[];
}) {
  const t = useT();
  const locale = useLocale();
  const name = (list: readonly NamedCode[]) => (code: string) => {
    const found = list.find((x) => x.code === code);
    return found ? (locale === "en" && found.nameEn ? found.nameEn : found.name) : code;
  };
  return (
    <p className="match-reasons">
      {explainMatch(reasons, t, {
        level: name(levels),
        province: name(provinces),
        programme: name(programmes),
        occupation: name(occupations),
      })}
    </p>
  );
}

export interface JobFormValues {
  title?: string;
  description?: string;
  programmeCodes?: string;
  occupationCode?: string;
  minLevelCode?: string;
  provinceCodes?: string[];
  remote?: boolean;
  salaryMinVnd?: string;
  salaryMaxVnd?: string;
  salaryNegotiable?: boolean;
  employmentType?: string;
  openings?: string;
  skills?: string;
  deadline?: string;
}

/** The job posting form (new and edit), sending intent=save; `extra` adds buttons. */
export function JobForm({
  values,
  errors,
  levels,
  provinces,
  codeChoices,
  suggestUrl,
  submitLabel,
  extra,
}: {
  values: JobFormValues;
  errors: Record<string, string>;
  levels: readonly NamedCode[];
  provinces: readonly NamedCode[];
  /** Every programme and occupation, for choosing by name (and for the form without JavaScript). */
  codeChoices: { programmes: readonly CodeChoiceView[]; occupations: readonly CodeChoiceView[] };
  /** The employer's JSON suggestions route. */
  suggestUrl: string;
  submitLabel: string;
  extra?: ReactNode;
}) {
  const t = useT();
  const chosen = new Set(values.provinceCodes ?? []);
  const codesOf = (text: string | undefined) => (text ?? "").split(/[,;\s]+/).filter(Boolean);
  return (
    <Form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value="save" />
      <TextField
        name="title"
        label={t("jobs.field.title")}
        defaultValue={values.title ?? ""}
        error={errors.title}
        required
        maxLength={200}
      />
      <TextAreaField
        name="description"
        label={t("jobs.field.description")}
        defaultValue={values.description ?? ""}
        error={errors.description}
        rows={6}
        required
      />
      <CodeCombobox
        name="programmeCodes"
        kind="programme"
        label={t("jobs.field.programmes")}
        hint={t("jobs.field.programmesHint")}
        error={errors.programmeCodes}
        suggestUrl={suggestUrl}
        choices={codeChoices.programmes}
        initial={codesOf(values.programmeCodes)}
        multiple
      />
      <CodeCombobox
        name="occupationCode"
        kind="occupation"
        label={t("jobs.field.occupation")}
        hint={t("jobs.field.occupationHint")}
        error={errors.occupationCode}
        suggestUrl={suggestUrl}
        choices={codeChoices.occupations}
        initial={codesOf(values.occupationCode)}
        multiple={false}
      />
      <SelectField
        name="minLevelCode"
        label={t("jobs.field.minLevel")}
        defaultValue={values.minLevelCode ?? "trung_cap"}
        error={errors.minLevelCode}
      >
        {levels.map((l) => (
          <option key={l.code} value={l.code}>
            {l.name}
          </option>
        ))}
      </SelectField>
      <fieldset className={`field choice-group${errors.provinceCodes ? " field-invalid" : ""}`}>
        <legend>{t("jobs.field.provinces")}</legend>
        {errors.provinceCodes ? <p className="field-error">{t(formMessage(errors.provinceCodes))}</p> : null}
        <div className="choice-list province-choices">
          {provinces.map((p) => (
            <label key={p.code} className="choice">
              <input type="checkbox" name="provinceCodes" value={p.code} defaultChecked={chosen.has(p.code)} /> {p.name}
            </label>
          ))}
        </div>
        <label className="choice">
          <input type="checkbox" name="remote" defaultChecked={values.remote ?? false} /> {t("jobs.field.remote")}
        </label>
      </fieldset>
      <div className="grid-2">
        <TextField
          name="salaryMinVnd"
          label={t("jobs.field.salaryMin")}
          defaultValue={values.salaryMinVnd ?? ""}
          error={errors.salaryMinVnd}
          inputMode="numeric"
        />
        <TextField
          name="salaryMaxVnd"
          label={t("jobs.field.salaryMax")}
          defaultValue={values.salaryMaxVnd ?? ""}
          error={errors.salaryMaxVnd}
          inputMode="numeric"
        />
      </div>
      <label className="choice">
        <input type="checkbox" name="salaryNegotiable" defaultChecked={values.salaryNegotiable ?? false} />{" "}
        {t("jobs.field.salaryNegotiable")}
      </label>
      <SelectField
        name="employmentType"
        label={t("jobs.field.employmentType")}
        defaultValue={values.employmentType ?? "full_time"}
        error={errors.employmentType}
      >
        {EMPLOYMENT_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(EMPLOYMENT_TYPE_LABELS[type])}
          </option>
        ))}
      </SelectField>
      <TextField
        name="openings"
        label={t("jobs.field.openings")}
        type="number"
        min={1}
        defaultValue={values.openings ?? "1"}
        error={errors.openings}
      />
      <TextField
        name="skills"
        label={t("jobs.field.skills")}
        hint={t("jobs.field.skillsHint")}
        defaultValue={values.skills ?? ""}
        error={errors.skills}
      />
      <TextField
        name="deadline"
        label={t("jobs.field.deadline")}
        type="date"
        defaultValue={values.deadline ?? ""}
        error={errors.deadline}
        required
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {submitLabel}
        </button>
        {extra}
      </div>
    </Form>
  );
}

/** Form values from what the user typed (after a refused submit), for JobForm. */
export function jobFormValuesFromFailure(values: Record<string, string>): JobFormValues {
  return {
    ...values,
    provinceCodes: values.provinceCodes ? values.provinceCodes.split(",") : [],
    remote: values.remote === "on",
    salaryNegotiable: values.salaryNegotiable === "on",
  };
}
