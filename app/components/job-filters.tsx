import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/lib/i18n/use-t";
import { EMPLOYMENT_TYPES } from "~/modules/jobs/codes";
import type { NamedCode } from "./jobs";
import { EMPLOYMENT_TYPE_LABELS } from "~/modules/jobs/labels";

/** Search and filters (GET): text, province, minimum salary, level, employment type. */
export function JobFilters({
  values,
  levels,
  provinces,
  extra,
}: {
  values: { q?: string; province?: string; minSalary?: number; level?: string; types?: string[] };
  levels: readonly NamedCode[];
  provinces: readonly NamedCode[];
  extra?: ReactNode;
}) {
  const t = useT();
  return (
    <Form method="get" className="filters" role="search">
      <div className="field">
        <label htmlFor="f-q">{t("jobs.filter.q")}</label>
        <input
          id="f-q"
          name="q"
          type="search"
          defaultValue={values.q ?? ""}
          placeholder={t("jobs.filter.qPlaceholder")}
        />
      </div>
      <div className="field">
        <label htmlFor="f-province">{t("jobs.filter.province")}</label>
        <select id="f-province" name="province" defaultValue={values.province ?? ""}>
          <option value="">{t("jobs.filter.any")}</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-minSalary">{t("jobs.filter.minSalary")}</label>
        <input
          id="f-minSalary"
          name="minSalary"
          inputMode="numeric"
          defaultValue={values.minSalary?.toString() ?? ""}
        />
      </div>
      <div className="field">
        <label htmlFor="f-level">{t("jobs.filter.level")}</label>
        <select id="f-level" name="level" defaultValue={values.level ?? ""}>
          <option value="">{t("jobs.filter.any")}</option>
          {levels.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field choice-group">
        <legend>{t("jobs.filter.type")}</legend>
        {/* An empty value keeps `type` in the URL when none is ticked: the choice "any type" is then explicit. */}
        <input type="hidden" name="type" value="" />
        <div className="choice-list">
          {EMPLOYMENT_TYPES.map((type) => (
            <label key={type} className="choice">
              <input type="checkbox" name="type" value={type} defaultChecked={values.types?.includes(type) ?? false} />{" "}
              {t(EMPLOYMENT_TYPE_LABELS[type])}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="filters-actions">
        <button type="submit" className="button button-primary">
          {t("jobs.filter.submit")}
        </button>
        {extra}
      </div>
    </Form>
  );
}
