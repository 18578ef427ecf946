import { Form, Link } from "@remix-run/react";
import { isMessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { auditActionLabelKey, auditDetailLabelKey } from "~/modules/audit/audit-labels";
import type { AuditEntryView } from "~/modules/audit/audit-view";
import { DateTime } from "./date-time";
import { SelectField } from "./form";

/** A recorded value in the reader's language where one is known (a status, a role), as it is otherwise. */
function useDetailValue() {
  const t = useT();
  return (key: string, value: string) => {
    const candidate = key === "from" || key === "to" ? `status.${value}` : key === "role" ? `role.${value}` : null;
    return candidate && isMessageKey(candidate) ? t(candidate) : value;
  };
}

export function useAuditActionLabel() {
  const t = useT();
  return (action: string) => {
    const key = auditActionLabelKey(action);
    return key ? t(key) : action;
  };
}

/** A detail's name for people ("Số hiệu", "Serial number"), as recorded for a key this version no longer writes. */
function useAuditDetailLabel() {
  const t = useT();
  return (detail: string) => {
    const key = auditDetailLabelKey(detail);
    return key ? t(key) : detail;
  };
}

/** The audit trail as a table. `organisationLink` turns an organisation into a link (the ministry's viewer). */
export function AuditTable({
  entries,
  showOrganisation,
  showIp,
  organisationLink,
}: {
  entries: AuditEntryView[];
  showOrganisation: boolean;
  showIp: boolean;
  organisationLink?: (organisationId: string) => string;
}) {
  const t = useT();
  const actionLabel = useAuditActionLabel();
  const detailValue = useDetailValue();
  const detailLabel = useAuditDetailLabel();
  if (entries.length === 0) return <p className="empty-state">{t("audit.empty")}</p>;
  return (
    <div className="table-wrap">
      <table className="audit-table">
        <thead>
          <tr>
            <th scope="col">{t("audit.col.at")}</th>
            <th scope="col">{t("audit.col.actor")}</th>
            <th scope="col">{t("audit.col.action")}</th>
            {showOrganisation ? <th scope="col">{t("audit.col.organisation")}</th> : null}
            <th scope="col">{t("audit.col.details")}</th>
            {showIp ? <th scope="col">{t("audit.col.ip")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td className="nowrap">
                <DateTime value={e.at} />
              </td>
              <td>{e.actorEmail ?? <span className="muted">{t("audit.system")}</span>}</td>
              <td>
                {actionLabel(e.action)}
                <br />
                <code className="muted">{e.action}</code>
              </td>
              {showOrganisation ? (
                <td>
                  {e.organisationId && e.organisationName ? (
                    organisationLink ? (
                      <Link to={organisationLink(e.organisationId)}>{e.organisationName}</Link>
                    ) : (
                      e.organisationName
                    )
                  ) : (
                    "—"
                  )}
                </td>
              ) : null}
              <td>
                {e.details.length > 0 ? (
                  <dl className="audit-details">
                    {e.details.map(([k, v]) => (
                      <div key={k}>
                        <dt>{detailLabel(k)}</dt>
                        <dd>{detailValue(k, v)}</dd>
                      </div>
                    ))}
                  </dl>
                ) : (
                  "—"
                )}
              </td>
              {showIp ? <td>{e.actorIp ?? "—"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The action filter of an audit viewer (a GET form: the filters live in the URL). */
export function AuditFilterForm({
  actions,
  selected,
  hidden,
}: {
  actions: string[];
  selected?: string;
  hidden?: Record<string, string>;
}) {
  const t = useT();
  const actionLabel = useAuditActionLabel();
  return (
    <Form method="get" className="filters" aria-label={t("audit.filter.label")}>
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SelectField name="action" label={t("audit.filter.action")} defaultValue={selected ?? ""}>
        <option value="">{t("audit.filter.allActions")}</option>
        {actions.map((a) => (
          <option key={a} value={a}>
            {actionLabel(a)}
          </option>
        ))}
      </SelectField>
      <div className="filters-actions">
        <button type="submit" className="button button-primary">
          {t("audit.filter.submit")}
        </button>
      </div>
    </Form>
  );
}
