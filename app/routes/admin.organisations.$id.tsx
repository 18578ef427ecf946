import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { failureReply, notFound, readFormData, uuidOr404 } from "~/lib/http.server";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuditTable } from "~/components/audit-table";
import { MembersTable } from "~/components/members-table";
import { DateTime } from "~/components/date-time";
import { FormAlert, SelectField, TextAreaField } from "~/components/form";
import { parseForm } from "~/lib/forms";
import { requirePermission } from "~/lib/guards.server";
import { pageTitle } from "~/lib/meta";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { localName } from "~/modules/reference/local-name";
import { clientOf } from "~/lib/request-context";
import { toAuditView } from "~/modules/audit/audit-view";
import { listAuditEntries } from "~/modules/audit/queries.server";
import { changeOrganisationStatus } from "~/modules/organisations/change-organisation-status.server";
import { STATUS_HISTORY_ACTIONS, availableStatusChanges } from "~/modules/organisations/organisation-status";
import {
  getOrganisationApplication,
  getOrganisationDetail,
  listOrganisationMembers,
} from "~/modules/organisations/queries.server";
import { StatusChangeSchema } from "~/modules/organisations/schema";
import { ORGANISATION_FAILURES } from "~/modules/organisations/failures";
import {
  ORGANISATION_KIND_LABELS,
  ORGANISATION_STATUS_LABELS,
  ROLE_LABELS,
  SCHOOL_TYPE_LABELS,
  STATUS_CHANGE_LABELS,
} from "~/modules/organisations/labels";
import { translateLabel } from "~/lib/labels";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [title] = pageTitle(matches, "organisations.title");
  return data ? [{ title: `${data.organisation.name} — ${(title as { title: string }).title}` }] : [title!];
};

/** The id from the URL, or a 404: a malformed id is a page that does not exist, not a server error. */
function organisationIdOf(params: { id?: string }): string {
  return uuidOr404(params.id);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "organisations:accredit");
  const id = organisationIdOf(params);
  const detail = await getOrganisationDetail(id);
  if (!detail) throw notFound();
  const [members, history, application] = await Promise.all([
    listOrganisationMembers(id),
    listAuditEntries({ scope: { organisationId: id }, actions: STATUS_HISTORY_ACTIONS, page: 1, pageSize: 100 }),
    getOrganisationApplication(id),
  ]);
  const profile = application.profile;
  const o = detail.organisation;
  return json({
    organisation: {
      id: o.id,
      kind: o.kind,
      code: o.code,
      name: o.name,
      nameEn: o.nameEn,
      address: o.address,
      schoolType: o.schoolType,
      status: o.status,
      statusReason: o.statusReason,
      statusChangedAt: o.statusChangedAt,
      createdAt: o.createdAt,
      provinceName: detail.provinceName,
      provinceNameEn: detail.provinceNameEn,
      statusChangedByEmail: detail.statusChangedByEmail,
    },
    supplied: {
      applicant: application.applicant
        ? {
            fullName: application.applicant.fullName,
            email: application.applicant.email,
            emailConfirmed: application.applicant.emailVerifiedAt !== null,
          }
        : null,
      contactName: profile?.contactName ?? null,
      contactEmail: profile?.contactEmail ?? null,
      phones: [...new Set([o.contactPhone, profile?.contactPhone].filter((p): p is string => Boolean(p)))],
      websites: [...new Set([o.website, profile?.website].filter((w): w is string => Boolean(w)))],
      taxCode: o.kind === "employer" ? o.code : null,
      registrationDocument: o.registrationDocument,
      industry: profile?.industry ?? null,
    },
    members,
    history: history.entries.map((e) => toAuditView(e, { showIp: true })),
    changes: availableStatusChanges(o.status),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "organisations:accredit");
  const id = organisationIdOf(params);
  const form = await readFormData(request);
  const parsed = parseForm(StatusChangeSchema, form);
  if (!parsed.ok)
    return json(
      { ok: false as const, values: parsed.values, fieldErrors: parsed.fieldErrors, formError: null },
      { status: 400 },
    );
  const result = await changeOrganisationStatus({
    organisationId: id,
    change: parsed.data.change,
    reason: parsed.data.reason,
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
  });
  if (!result.ok) {
    if (result.code === "not_found") throw notFound();
    const values = Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
    const failure = ORGANISATION_FAILURES.status[result.code];
    // A missing reason is said by its field.
    if (result.code === "reason_required")
      return json(
        { ok: false as const, values, fieldErrors: result.fieldErrors ?? {}, formError: null },
        { status: failure.status },
      );
    return failureReply(failure, { ok: false as const, values, fieldErrors: {} });
  }
  return json({ ok: true as const, status: result.value.to });
}

export default function AdminOrganisation() {
  const t = useT();
  const locale = useLocale();
  const { organisation: o, supplied, members, history, changes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failure = result && !result.ok ? result : null;
  const values: Record<string, string> = failure?.values ?? {};
  const errors: Record<string, string> = failure?.fieldErrors ?? {};

  return (
    <>
      <p>
        <Link to="/admin/organisations">{t("organisations.detail.back")}</Link>
      </p>
      <h1>{o.name}</h1>
      <div className="grid-2">
        <section className="card">
          <dl className="facts">
            <dt>{t("organisations.col.kind")}</dt>
            <dd>
              {t(ORGANISATION_KIND_LABELS[o.kind])}
              {o.schoolType ? ` — ${t(SCHOOL_TYPE_LABELS[o.schoolType])}` : ""}
            </dd>
            <dt>{t("organisations.col.code")}</dt>
            <dd>
              <code>{o.code}</code>
            </dd>
            {o.nameEn ? (
              <>
                <dt>{t("organisations.detail.nameEn")}</dt>
                <dd lang="en">{o.nameEn}</dd>
              </>
            ) : null}
            <dt>{t("organisations.col.province")}</dt>
            <dd>{localName({ nameVi: o.provinceName, nameEn: o.provinceNameEn }, locale)}</dd>
            {o.address ? (
              <>
                <dt>{t("organisations.detail.address")}</dt>
                <dd>{o.address}</dd>
              </>
            ) : null}
            <dt>{t("organisations.detail.registeredAt")}</dt>
            <dd>
              <DateTime value={o.createdAt} />
            </dd>
            <dt>{t("organisations.col.status")}</dt>
            <dd>
              <span className={`status-badge status-${o.status}`}>{t(ORGANISATION_STATUS_LABELS[o.status])}</span>
            </dd>
            {o.statusChangedAt ? (
              <>
                <dt>{t("organisations.detail.statusChanged")}</dt>
                <dd>
                  <DateTime value={o.statusChangedAt} />
                  {o.statusChangedByEmail ? ` · ${o.statusChangedByEmail}` : null}
                </dd>
              </>
            ) : null}
            {o.statusReason ? (
              <>
                <dt>{t("organisations.detail.statusReason")}</dt>
                <dd className="prewrap">{o.statusReason}</dd>
              </>
            ) : null}
          </dl>
        </section>

        <section className="card">
          <h2>{t("organisations.status.title")}</h2>
          {result?.ok ? (
            <FormAlert kind="success">
              {t("organisations.status.done", { status: t(ORGANISATION_STATUS_LABELS[result.status]) })}
            </FormAlert>
          ) : null}
          {failure?.formError ? <FormAlert kind="error">{t(failure.formError)}</FormAlert> : null}
          {changes.length === 0 ? (
            <p>{t("organisations.status.none")}</p>
          ) : (
            <Form method="post" className="form" noValidate key={result?.ok ? `done-${result.status}` : "status"}>
              <SelectField
                name="change"
                label={t("organisations.status.change")}
                defaultValue={values.change ?? changes[0]}
                error={errors.change}
                required
              >
                {changes.map((c) => (
                  <option key={c} value={c}>
                    {t(STATUS_CHANGE_LABELS[c])}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                name="reason"
                label={t("organisations.status.reason")}
                hint={t("organisations.status.reasonHint")}
                rows={4}
                maxLength={1000}
                defaultValue={values.reason ?? ""}
                error={errors.reason}
              />
              <button type="submit" className="button button-primary" disabled={busy}>
                {t("organisations.status.submit")}
              </button>
            </Form>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="supplied-title">
        <h2 id="supplied-title">{t("organisations.supplied.title")}</h2>
        <p className="muted">{t("organisations.supplied.intro")}</p>
        <dl className="facts">
          <dt>{t("organisations.supplied.applicant")}</dt>
          <dd>
            {supplied.applicant ? (
              <>
                {supplied.applicant.fullName} ·{" "}
                <a href={`mailto:${supplied.applicant.email}`}>{supplied.applicant.email}</a>{" "}
                {supplied.applicant.emailConfirmed
                  ? t("organisations.supplied.emailConfirmed")
                  : t("organisations.supplied.emailUnconfirmed")}
              </>
            ) : (
              t("organisations.supplied.none")
            )}
          </dd>
          {supplied.contactName || supplied.contactEmail ? (
            <>
              <dt>{t("organisations.supplied.contact")}</dt>
              <dd>{[supplied.contactName, supplied.contactEmail].filter(Boolean).join(" · ")}</dd>
            </>
          ) : null}
          <dt>{t("organisations.supplied.phone")}</dt>
          <dd>{supplied.phones.length ? supplied.phones.join(", ") : t("organisations.supplied.none")}</dd>
          <dt>{t("organisations.supplied.website")}</dt>
          <dd>
            {supplied.websites.length
              ? supplied.websites.map((w, i) => (
                  <span key={w}>
                    {i > 0 ? ", " : null}
                    <a href={w} rel="noopener noreferrer nofollow" target="_blank">
                      {w}
                    </a>
                  </span>
                ))
              : t("organisations.supplied.none")}
          </dd>
          {supplied.taxCode ? (
            <>
              <dt>{t("organisations.supplied.taxCode")}</dt>
              <dd>
                <code>{supplied.taxCode}</code>
              </dd>
            </>
          ) : null}
          {supplied.industry ? (
            <>
              <dt>{t("organisations.supplied.industry")}</dt>
              <dd>{supplied.industry}</dd>
            </>
          ) : null}
          <dt>{t("organisations.supplied.document")}</dt>
          <dd>{supplied.registrationDocument ?? t("organisations.supplied.none")}</dd>
        </dl>
      </section>

      <section className="card">
        <h2>{t("organisations.detail.members")}</h2>
        {members.length === 0 ? (
          <p className="empty-state">{t("organisations.detail.noMembers")}</p>
        ) : (
          <MembersTable
            members={members}
            roles={(m) => m.roles.map((r) => translateLabel(t, ROLE_LABELS, r.role)).join(", ")}
          />
        )}
      </section>

      <section className="card">
        <h2>{t("organisations.history.title")}</h2>
        {history.length === 0 ? (
          <p className="empty-state">{t("organisations.history.empty")}</p>
        ) : (
          <AuditTable entries={history} showOrganisation={false} showIp />
        )}
        <p>
          <Link to={`/admin/audit?org=${o.id}`}>{t("organisations.detail.auditLink")}</Link>
        </p>
      </section>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
