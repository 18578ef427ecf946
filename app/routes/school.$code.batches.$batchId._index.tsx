import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { BatchStatusBadge, DraftFields, DraftImportForm, TemplateLinks } from "~/components/diploma-drafts";
import { BatchSignPanel } from "~/components/issued-diplomas";
import { FormAlert } from "~/components/form";
import { Pager } from "~/components/pager";
import { formValues } from "~/lib/forms";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { failureReply, notFound, readFormData, uuidOr404 } from "~/lib/http.server";
import type { MessageKey } from "~/lib/i18n";
import { formatNumber } from "~/lib/format-number";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { classificationLabel } from "~/modules/documents/labels";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { hasPermission } from "~/lib/permissions";
import { loadBatchPage } from "~/modules/drafts/batch-pages.server";
import { formatDateVi } from "~/modules/reference/cell-values";
import { deleteDraft } from "~/modules/drafts/delete-draft.server";
import { DRAFT_FAILURES, type DraftFailureCode } from "~/modules/drafts/failures";
import { listActiveProgrammes } from "~/modules/drafts/queries.server";
import { saveDraft } from "~/modules/drafts/save-draft.server";
import { draftRawRowFromForm } from "~/modules/drafts/schema";
import { submitBatch } from "~/modules/drafts/submit-batch.server";
import { withdrawBatch } from "~/modules/drafts/withdraw-batch.server";
import { BATCH_ROW_ORDER_CODES, CLAIM_SLIPS_PER_PDF, isBatchRowOrder } from "~/modules/drafts/batch-order";
import { orderBatch } from "~/modules/drafts/order-batch.server";
import { getEnv } from "~/lib/env.server";
import { BatchOrderLabel, ROW_ORDER_LABEL } from "~/components/batch-review";
import { BATCH_NOTICE_LABELS } from "~/modules/diplomas/labels";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [title] = pageTitle(matches, "diplomas.batches.title");
  return data ? [{ title: `${data.batch.title} — ${(title as { title: string }).title}` }] : [title!];
};

/** A UUID from the URL, or 404: a malformed id is a page that does not exist, not a server error. */
function idOf(value: string | undefined): string {
  return uuidOr404(value);
}

const NOTICES = [
  "created",
  "added",
  "updated",
  "unchanged",
  "deleted",
  "imported",
  "submitted",
  "withdrawn",
  "ordered",
  "returned",
] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "school:view",
  });
  const batchId = idOf(params.batchId);
  const url = new URL(request.url);
  const page = Math.min(10_000, Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const data = await loadBatchPage({ organisationId: organisation.id, batchId, page });
  if (!data) throw notFound();
  const canDraft = hasPermission(session.grants, "diplomas:draft", organisation.id);
  const editable = canDraft && data.batch.status === "draft";
  const notice = NOTICES.find((n) => n === url.searchParams.get("notice")) ?? null;
  const count = (name: string) => Math.max(0, Number.parseInt(url.searchParams.get(name) ?? "0", 10) || 0);
  return json({
    schoolCode: organisation.code,
    ...data,
    page,
    canDraft,
    editable,
    canSign: hasPermission(session.grants, "diplomas:sign", organisation.id),
    programmes: editable ? await listActiveProgrammes() : [],
    notice,
    noticeParams: { imported: count("imported"), skipped: count("skipped") },
  });
}

type BatchActionData = {
  intent: string;
  values?: Record<string, string>;
  fieldErrors?: Record<string, string>;
  formError?: MessageKey;
  formErrorParams?: Record<string, string | number>;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "diplomas:draft",
  });
  const batchId = idOf(params.batchId);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const actor = { userId: session.user.id, ip: clientOf(request, context).ip };
  const ref = { organisationId: organisation.id, batchId };
  const here = `/school/${organisation.code}/batches/${batchId}`;
  const failed = (code: DraftFailureCode, extra: Omit<BatchActionData, "intent"> = {}) => {
    if (code === "not_found") throw notFound();
    return failureReply<BatchActionData>(DRAFT_FAILURES[code], { intent, ...extra });
  };

  switch (intent) {
    case "add-draft": {
      const result = await saveDraft({ ...ref, input: draftRawRowFromForm(form), actor });
      if (!result.ok) return failed(result.code, { values: formValues(form), fieldErrors: result.fieldErrors ?? {} });
      return redirect(`${here}?notice=added#drafts`);
    }
    case "delete-draft": {
      const diplomaId = idOf(String(form.get("diplomaId") ?? ""));
      const result = await deleteDraft({ ...ref, diplomaId, actor });
      return result.ok ? redirect(`${here}?notice=deleted#drafts`) : failed(result.code);
    }
    case "set-order": {
      const rowOrder = form.get("rowOrder");
      if (!isBatchRowOrder(rowOrder))
        return json<BatchActionData>({ intent, formError: "diplomas.error.unknownIntent" }, { status: 400 });
      const result = await orderBatch({ ...ref, rowOrder, actor });
      return result.ok ? redirect(`${here}?notice=ordered#drafts`) : failed(result.code);
    }
    case "submit": {
      const result = await submitBatch({ ...ref, actor, publicOrigin: getEnv().PUBLIC_ORIGIN });
      if (!result.ok)
        return failed(result.code, { formErrorParams: { codes: result.inactiveProgrammes?.join(", ") ?? "" } });
      return redirect(`${here}?notice=submitted`);
    }
    case "withdraw": {
      const result = await withdrawBatch({ ...ref, actor, publicOrigin: getEnv().PUBLIC_ORIGIN });
      return result.ok ? redirect(`${here}?notice=withdrawn`) : failed(result.code);
    }
    default:
      return json<BatchActionData>({ intent, formError: "diplomas.error.unknownIntent" }, { status: 400 });
  }
}

export default function BatchPage() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { batch, schoolCode } = data;
  const base = `/school/${schoolCode}/batches/${batch.id}`;
  const location = useLocation();
  const addFailure = result?.intent === "add-draft" ? result : undefined;
  return (
    <>
      <p>
        <Link to={`/school/${schoolCode}/batches`}>{t("diplomas.batches.back")}</Link>
      </p>
      <h1>{batch.title}</h1>
      <dl className="facts">
        <dt>{t("diplomas.batch.status")}</dt>
        <dd>
          <BatchStatusBadge status={batch.status} />
        </dd>
        <dt>{t("diplomas.batch.count")}</dt>
        <dd>{formatNumber(data.total, locale)}</dd>
        <dt>{t("diplomas.batch.createdAt")}</dt>
        <dd>
          <DateTime value={batch.createdAt} />
        </dd>
        {batch.submittedAt ? (
          <>
            <dt>{t("diplomas.batch.submittedAt")}</dt>
            <dd>
              <DateTime value={batch.submittedAt} />
            </dd>
          </>
        ) : null}
      </dl>

      {batch.status === "draft" && batch.returnReason ? (
        <FormAlert kind="error">
          {t("diplomas.batch.returned")} <span className="prewrap">{batch.returnReason}</span>
        </FormAlert>
      ) : null}
      {data.notice ? (
        <FormAlert kind="success">{t(BATCH_NOTICE_LABELS[data.notice], data.noticeParams)}</FormAlert>
      ) : null}
      {result?.formError && !addFailure ? (
        <FormAlert kind="error">{t(result.formError, result.formErrorParams)}</FormAlert>
      ) : null}

      {!data.canDraft ? (
        <FormAlert kind="info">
          {t(data.canSign ? "diplomas.batch.readOnlySigner" : "diplomas.batch.readOnly")}
        </FormAlert>
      ) : null}
      {data.canDraft && batch.status === "submitted" ? (
        <FormAlert kind="info">{t("diplomas.batch.lockedSubmitted")}</FormAlert>
      ) : null}
      {data.canDraft && (batch.status === "signed" || batch.status === "cancelled") ? (
        <FormAlert kind="info">{t("diplomas.batch.lockedFinal")}</FormAlert>
      ) : null}

      {data.canDraft && batch.status === "draft" ? (
        <Form method="post" className="button-row">
          <input type="hidden" name="intent" value="submit" />
          <button type="submit" className="button button-primary" disabled={data.draftCount === 0}>
            {t("diplomas.batch.submit", { count: data.draftCount })}
          </button>
          {data.draftCount === 0 ? <span className="muted">{t("diplomas.batch.submitNeedsDrafts")}</span> : null}
        </Form>
      ) : null}
      {data.canDraft && batch.status === "submitted" ? (
        <Form method="post" className="button-row">
          <input type="hidden" name="intent" value="withdraw" />
          <button type="submit" className="button">
            {t("diplomas.batch.withdraw")}
          </button>
        </Form>
      ) : null}

      {/* The principal's signing: a separate page (school.$code.batches.$batchId.sign.tsx), linked from here. */}
      <section id="sign" aria-label={t("diplomas.batch.signSection")} data-batch-status={batch.status}>
        <BatchSignPanel schoolCode={schoolCode} batchId={batch.id} status={batch.status} canSign={data.canSign} />
      </section>
      {batch.status === "signed" && (data.canDraft || data.canSign) ? (
        <p className="button-row">
          {Array.from({ length: Math.max(1, Math.ceil(data.total / CLAIM_SLIPS_PER_PDF)) }, (_, i) => (
            <a key={i} href={`${base}/claim-slips.pdf${i > 0 ? `?part=${i + 1}` : ""}`} className="button" download>
              {t("issued.sign.claimSlipsPdf")}
              {data.total > CLAIM_SLIPS_PER_PDF
                ? ` (${i * CLAIM_SLIPS_PER_PDF + 1}–${Math.min(data.total, (i + 1) * CLAIM_SLIPS_PER_PDF)})`
                : ""}
            </a>
          ))}
        </p>
      ) : null}

      <section id="drafts" className="section">
        <h2>{t("diplomas.drafts.title")}</h2>
        {data.total > 0 ? (
          <div className="card" aria-labelledby="order-title" role="group">
            <h3 id="order-title">{t("diplomas.order.title")}</h3>
            <p>
              {t("diplomas.order.current")}: <BatchOrderLabel order={batch.rowOrder} />
            </p>
            <p className="muted">{t("diplomas.order.help")}</p>
            {data.editable ? (
              <Form method="post" className="inline-form button-row">
                <input type="hidden" name="intent" value="set-order" />
                <label htmlFor="f-row-order">{t("diplomas.order.label")}</label>
                <select id="f-row-order" name="rowOrder" defaultValue={batch.rowOrder} key={batch.rowOrder}>
                  {BATCH_ROW_ORDER_CODES.map((o) => (
                    <option key={o} value={o}>
                      {t(ROW_ORDER_LABEL[o])}
                    </option>
                  ))}
                </select>
                <button type="submit" className="button">
                  {t("diplomas.order.apply")}
                </button>
              </Form>
            ) : batch.status !== "draft" ? (
              <p className="muted">{t("diplomas.order.locked")}</p>
            ) : null}
          </div>
        ) : null}
        {data.diplomas.length === 0 ? (
          <p className="empty-state">{t("diplomas.drafts.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t("diplomas.field.fullName")}</th>
                  <th scope="col">{t("diplomas.field.dateOfBirth")}</th>
                  <th scope="col">{t("diplomas.field.personalId")}</th>
                  <th scope="col">{t("diplomas.field.programmeCode")}</th>
                  <th scope="col">{t("diplomas.field.classification")}</th>
                  <th scope="col">{t("diplomas.field.graduationDate")}</th>
                  <th scope="col">{t("diplomas.drafts.email")}</th>
                  {batch.status === "signed" ? <th scope="col">{t("diplomas.drafts.numbers")}</th> : null}
                  {data.editable ? <th scope="col">{t("diplomas.drafts.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.diplomas.map((d) => (
                  <tr key={d.id}>
                    <td>{d.rowNumber}</td>
                    <td>{d.fullName}</td>
                    <td className="nowrap">{formatDateVi(d.dateOfBirth)}</td>
                    <td className="nowrap">
                      <span aria-hidden="true">{d.personalIdMasked}</span>
                      <span className="visually-hidden">
                        {t("diplomas.drafts.maskedId", { last: d.personalIdMasked.slice(-4) })}
                      </span>
                    </td>
                    <td>
                      <code>{d.programmeCode}</code> {d.programmeName}
                    </td>
                    <td>{classificationLabel(d.classification, locale)}</td>
                    <td className="nowrap">{formatDateVi(d.graduationDate)}</td>
                    <td>{t(d.hasEmail ? "diplomas.drafts.hasEmail" : "diplomas.drafts.noEmail")}</td>
                    {batch.status === "signed" ? (
                      <td className="nowrap">
                        {d.serial ?? "—"} · {d.registerNumber !== null ? `${d.registerNumber}/${d.registerYear}` : "—"}
                      </td>
                    ) : null}
                    {data.editable ? (
                      <td className="nowrap">
                        <Link
                          to={`${base}/drafts/${d.id}`}
                          aria-label={t("diplomas.drafts.editLabel", { name: d.fullName })}
                        >
                          {t("diplomas.drafts.edit")}
                        </Link>{" "}
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="delete-draft" />
                          <input type="hidden" name="diplomaId" value={d.id} />
                          <button
                            type="submit"
                            className="link-button"
                            aria-label={t("diplomas.drafts.deleteLabel", { name: d.fullName })}
                          >
                            {t("diplomas.drafts.delete")}
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={data.page} pageSize={data.pageSize} total={data.total} />
      </section>

      {data.editable ? (
        <>
          <section className="card" id="import" aria-labelledby="import-title">
            <h2 id="import-title">{t("diplomas.import.title")}</h2>
            <p>
              {t("diplomas.import.intro")} <TemplateLinks schoolCode={schoolCode} />
            </p>
            <DraftImportForm
              action={`${base}/import`}
              programmeRequestAction={`/school/${schoolCode}/programme-requests`}
            />
          </section>
          <section className="card narrow-card" id="add-draft" aria-labelledby="add-title">
            <h2 id="add-title">{t("diplomas.drafts.add")}</h2>
            {addFailure ? <FormAlert kind="error">{t(addFailure.formError ?? "form.errorSummary")}</FormAlert> : null}
            {/* Keyed by the navigation: after a draft is added, the form starts empty again. */}
            <Form method="post" className="form" noValidate key={location.key}>
              <input type="hidden" name="intent" value="add-draft" />
              <DraftFields
                values={addFailure?.values ?? {}}
                errors={addFailure?.fieldErrors ?? {}}
                programmes={data.programmes}
              />
              <div className="form-actions">
                <button type="submit" className="button button-primary">
                  {t("diplomas.drafts.addSubmit")}
                </button>
              </div>
            </Form>
          </section>
        </>
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
