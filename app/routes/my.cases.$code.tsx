import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ServiceResultLinks } from "~/components/cases/service-result-links";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AttachmentList, CaseFacts } from "~/components/cases/case-facts";
import { CaseActionForm, FilesField, NoteField, type CaseFormFailure } from "~/components/cases/case-forms";
import { CaseTimeline } from "~/components/cases/case-timeline";
import { FormAlert, TextAreaField } from "~/components/form";
import { vietnamDate } from "~/lib/format-time";
import { requireUser } from "~/lib/guards.server";
import { foundOr404 } from "~/lib/http.server";
import { useT } from "~/lib/i18n/use-t";
import { formMessage } from "~/lib/forms";
import { labelOf, translateLabel } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { normaliseCaseCode } from "~/modules/cases/case-kinds";
import { caseAttachmentList, caseTimeline, findOwnCase, handlerOf } from "~/modules/cases/case-pages.server";
import { availableActions } from "~/modules/cases/case-transitions";
import { ATTACHMENT_PURPOSE_LABELS, CASE_NOTICES } from "~/modules/cases/handle-forms";
import { CASE_KIND_LABELS } from "~/modules/cases/labels";
import { handleSubmitterAction } from "~/modules/cases/submitter-action.server";
import { deadlineState } from "~/modules/cases/working-days";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cases.mine.caseTitle");

async function ownCase(request: Request, code: string | undefined) {
  const session = await requireUser(request);
  const normalised = foundOr404(normaliseCaseCode(code ?? ""));
  return { session, kase: foundOr404(await findOwnCase(normalised, session.user.id)) };
}

/** GET /my/cases/{code} — the submitter's own case: its facts, their files, the public timeline, what they can do. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, kase } = await ownCase(request, params.code);
  const view = { staff: false as const, submitterUserId: session.user.id };
  const [timeline, attachments, handler] = await Promise.all([
    caseTimeline(kase.id, view),
    caseAttachmentList(kase.id, view),
    handlerOf(kase.organisationId),
  ]);
  const actions = availableActions({ kind: kase.kind, status: kase.status, rated: kase.rating !== null }, "submitter");
  return json({
    kase: {
      code: kase.code,
      kind: kase.kind,
      status: kase.status,
      title: kase.title,
      body: kase.body,
      receivedAt: kase.receivedAt.toISOString(),
      dueOn: kase.dueOn,
      closedAt: kase.closedAt?.toISOString() ?? null,
      deadline: deadlineState(kase.dueOn, vietnamDate(), kase.pausedAt !== null),
      outcome: kase.outcome,
      outcomeNote: kase.outcomeNote,
      resultDocumentId: kase.resultDocumentId,
      rating: kase.rating,
      ratingComment: kase.ratingComment,
      handlerName: handler?.name ?? null,
    },
    // What the officer asked for: the public note of the last request for more.
    request:
      kase.status === "awaiting_submitter"
        ? ([...timeline].reverse().find((e) => e.type === "request_info")?.publicNote ?? null)
        : null,
    canSupply: actions.includes("supply_info"),
    canWithdraw: actions.includes("withdraw"),
    canRate: actions.includes("rate"),
    timeline,
    attachments,
    notice: labelOf(CASE_NOTICES, new URL(request.url).searchParams.get("notice")) ?? null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { session, kase } = await ownCase(request, params.code);
  return handleSubmitterAction(request, context, kase, session.user.id);
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export default function MyCase() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as CaseFormFailure | undefined;
  const { kase } = data;
  const rateFailure = failure?.intent === "rate" ? failure : undefined;
  return (
    <div className="container case-page">
      <p>
        <Link to="/my/cases">{t("cases.mine.back")}</Link>
      </p>
      <h1>
        {t("cases.handle.heading", { code: kase.code })}
        <span className="muted"> · {t(CASE_KIND_LABELS[kase.kind])}</span>
      </h1>
      {data.notice ? <FormAlert kind="success">{t(data.notice)}</FormAlert> : null}
      {data.request ? (
        <FormAlert kind="info">
          <strong>{t("cases.mine.requested")}</strong> <span className="prewrap">{data.request}</span>
        </FormAlert>
      ) : null}

      <section className="card" aria-labelledby="case-facts">
        <h2 id="case-facts">{t("cases.handle.facts")}</h2>
        <CaseFacts kase={kase} />
      </section>

      {kase.resultDocumentId ? (
        <section className="card" aria-labelledby="case-result">
          <h2 id="case-result">{t("cases.mine.result")}</h2>
          <ServiceResultLinks documentId={kase.resultDocumentId} />
        </section>
      ) : null}

      <section className="card" aria-labelledby="case-attachments">
        <h2 id="case-attachments">{t("cases.mine.attachments")}</h2>
        <AttachmentList
          code={kase.code}
          attachments={data.attachments}
          purposeLabel={(p) => translateLabel(t, ATTACHMENT_PURPOSE_LABELS, p)}
        />
      </section>

      {data.canSupply || data.canWithdraw || data.canRate ? (
        <section aria-labelledby="case-actions">
          <h2 id="case-actions">{t("cases.mine.actions")}</h2>
          <div className="grid-2">
            {data.canSupply ? (
              <CaseActionForm
                intent="supply_info"
                title={t("cases.action.supply_info")}
                submit={t("cases.action.supply_info")}
                failure={failure}
                multipart
              >
                <FilesField intent="supply_info" failure={failure} purposes={["evidence"]} />
                <NoteField intent="supply_info" label={t("cases.form.messageToOfficer")} failure={failure} />
              </CaseActionForm>
            ) : null}
            {data.canRate ? (
              <CaseActionForm
                intent="rate"
                title={t("cases.action.rate")}
                submit={t("cases.action.rate")}
                failure={failure}
              >
                <fieldset className={`field${rateFailure?.fieldErrors?.rating ? " field-invalid" : ""}`}>
                  <legend>{t("cases.form.rating")}</legend>
                  <div className="rating-stars">
                    {[1, 2, 3, 4, 5].map((n) => (
                      <label key={n} className="rating-star">
                        <input
                          type="radio"
                          name="rating"
                          value={n}
                          defaultChecked={rateFailure?.values?.rating === String(n)}
                        />{" "}
                        {t("cases.rating.value", { rating: n })}
                      </label>
                    ))}
                  </div>
                  {rateFailure?.fieldErrors?.rating ? (
                    <p className="field-error">{t(formMessage(rateFailure.fieldErrors.rating))}</p>
                  ) : null}
                </fieldset>
                <TextAreaField
                  id="f-rate-comment"
                  name="comment"
                  label={t("cases.form.ratingComment")}
                  rows={3}
                  maxLength={1000}
                  defaultValue={rateFailure?.values?.comment ?? ""}
                />
              </CaseActionForm>
            ) : null}
            {data.canWithdraw ? (
              <CaseActionForm
                intent="withdraw"
                title={t("cases.action.withdraw")}
                submit={t("cases.action.withdraw")}
                failure={failure}
                danger
              >
                <p className="muted">{t("cases.mine.withdrawHint")}</p>
                <NoteField intent="withdraw" label={t("cases.form.withdrawReason")} failure={failure} />
              </CaseActionForm>
            ) : null}
          </div>
        </section>
      ) : null}

      <section className="card" aria-labelledby="case-timeline">
        <h2 id="case-timeline">{t("cases.timeline.title")}</h2>
        <CaseTimeline events={data.timeline} />
      </section>
    </div>
  );
}
