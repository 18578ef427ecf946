import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AttachmentList, CaseFacts, DeadlineBadge } from "~/components/cases/case-facts";
import {
  AssignFields,
  CaseActionForm,
  FilesField,
  NoteField,
  OutcomeField,
  type CaseFormFailure,
} from "~/components/cases/case-forms";
import { CaseTimeline } from "~/components/cases/case-timeline";
import { FakeReportPanel } from "~/components/cases/fake-report-panel";
import { FeedbackPanel } from "~/components/cases/feedback-panel";
import { ServicePanel } from "~/components/cases/service-panel";
import { FormAlert, SelectField, TextField } from "~/components/form";
import { getDb } from "~/lib/db.server";
import { vietnamDate } from "~/lib/format-time";
import { requireUser } from "~/lib/guards.server";
import { foundOr404 } from "~/lib/http.server";
import { isMessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { labelOf, translateLabel } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { ATTACHMENT_PURPOSES } from "~/modules/cases/attachment-rules";
import { kindRule, normaliseCaseCode } from "~/modules/cases/case-kinds";
import {
  assignableStaff,
  caseAttachmentList,
  caseTimeline,
  findCaseForStaff,
  forwardableSchools,
  handlerOf,
  userNameOf,
} from "~/modules/cases/case-pages.server";
import { availableActions, type CaseAction } from "~/modules/cases/case-transitions";
import { handleStaffAction } from "~/modules/cases/handle-action.server";
import {
  ATTACHMENT_PURPOSE_LABELS,
  CAPACITY_LABELS,
  CASE_NOTICES,
  DEPARTMENT_LABELS,
  OUTCOMES_BY_FAMILY,
} from "~/modules/cases/handle-forms";
import { CASE_KIND_LABELS } from "~/modules/cases/labels";
import { deadlineState } from "~/modules/cases/working-days";
import { handleFeedbackIntent, loadFeedbackPanel } from "~/modules/feedback/handle-panel.server";
import { handleFakeReportIntent, loadFakeReportPanel } from "~/modules/reports/handle-panel.server";
import { handleServiceIntent, loadServicePanel } from "~/modules/services/handle-panel.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cases.handle.title");

/** The staff's actions that have a form on this page, in the order they are shown. */
const FORM_ACTIONS = ["accept", "request_info", "resolve", "refuse", "assign", "forward", "merge", "note"] as const;

async function staffCase(request: Request, code: string | undefined) {
  const session = await requireUser(request);
  const normalised = foundOr404(normaliseCaseCode(code ?? ""));
  const found = foundOr404(await findCaseForStaff(normalised, { userId: session.user.id, grants: session.grants }));
  return { session, ...found };
}

/** GET /cases/{code}/handle — the case as its handling staff (a school's officers, the ministry) see and move it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kase, viewer } = await staffCase(request, params.code);
  const url = new URL(request.url);
  const today = vietnamDate();
  const db = await getDb();
  const [timeline, attachments, handler, assigneeName, staff, schools, servicePanel, feedbackPanel, fakeReportPanel] =
    await Promise.all([
      caseTimeline(kase.id, { staff: true }),
      caseAttachmentList(kase.id, { staff: true }),
      handlerOf(kase.organisationId),
      userNameOf(kase.assigneeUserId),
      assignableStaff(kase.organisationId),
      viewer.role === "ministry" ? forwardableSchools() : Promise.resolve([]),
      loadServicePanel(db, kase, viewer),
      loadFeedbackPanel(db, kase, viewer),
      loadFakeReportPanel(db, kase, viewer),
    ]);
  const actions = availableActions({ kind: kase.kind, status: kase.status, rated: kase.rating !== null }, viewer.role);
  const panelNotice = url.searchParams.get("panelNotice") ?? "";
  return json({
    viewerRole: viewer.role,
    kase: {
      code: kase.code,
      kind: kase.kind,
      status: kase.status,
      title: kase.title,
      body: kase.body,
      topic: kase.topic,
      receivedAt: kase.receivedAt.toISOString(),
      dueOn: kase.dueOn,
      closedAt: kase.closedAt?.toISOString() ?? null,
      escalatedAt: kase.escalatedAt?.toISOString() ?? null,
      deadline: deadlineState(kase.dueOn, today, kase.pausedAt !== null),
      outcome: kase.outcome,
      outcomeNote: kase.outcomeNote,
      rating: kase.rating,
      ratingComment: kase.ratingComment,
      handlerName: handler?.name ?? null,
      handledByMinistry: kase.organisationId === null,
      department: kase.department,
      assigneeName,
      submitter: {
        anonymous: kase.anonymous,
        name: kase.submitterName,
        email: kase.submitterEmail,
        phone: kase.submitterPhone,
        capacity: kase.submitterCapacity,
      },
    },
    outcomes: OUTCOMES_BY_FAMILY[kindRule(kase.kind).family],
    actions: FORM_ACTIONS.filter((a) => actions.includes(a as CaseAction)),
    timeline,
    attachments,
    staff,
    schools,
    servicePanel,
    feedbackPanel,
    fakeReportPanel,
    notice: labelOf(CASE_NOTICES, url.searchParams.get("notice")) ?? null,
    panelNotice:
      isMessageKey(panelNotice) && /^(services|feedback|reports|cases)\./.test(panelNotice) ? panelNotice : null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { kase, viewer } = await staffCase(request, params.code);
  return handleStaffAction(
    request,
    context,
    { kase, viewer },
    { service: handleServiceIntent, feedback: handleFeedbackIntent, fakeReport: handleFakeReportIntent },
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export default function HandleCase() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as CaseFormFailure | undefined;
  const { kase } = data;
  const has = (a: (typeof FORM_ACTIONS)[number]) => data.actions.includes(a);
  const purposeLabel = (p: string) => translateLabel(t, ATTACHMENT_PURPOSE_LABELS, p);
  return (
    <div className="container case-page">
      <h1>
        {t("cases.handle.heading", { code: kase.code })}
        <span className="muted"> · {t(CASE_KIND_LABELS[kase.kind])}</span>
      </h1>
      {data.notice ? <FormAlert kind="success">{t(data.notice)}</FormAlert> : null}
      {data.panelNotice ? <FormAlert kind="success">{t(data.panelNotice)}</FormAlert> : null}
      <p className="case-flags">
        <DeadlineBadge state={kase.deadline} />
        {kase.escalatedAt ? <span className="status-badge case-escalated">{t("cases.queue.escalated")}</span> : null}
      </p>

      <div className="grid-2">
        <section className="card" aria-labelledby="case-facts">
          <h2 id="case-facts">{t("cases.handle.facts")}</h2>
          <CaseFacts kase={kase} />
          <dl className="facts">
            {kase.department ? (
              <>
                <dt>{t("cases.field.department")}</dt>
                <dd>{translateLabel(t, DEPARTMENT_LABELS, kase.department)}</dd>
              </>
            ) : null}
            <dt>{t("cases.field.assignee")}</dt>
            <dd>{kase.assigneeName ?? t("cases.form.nobody")}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="case-submitter">
          <h2 id="case-submitter">{t("cases.handle.submitter")}</h2>
          {kase.submitter.anonymous ? (
            <p>{t("cases.handle.anonymous")}</p>
          ) : (
            <dl className="facts">
              <dt>{t("cases.field.submitterName")}</dt>
              <dd>{kase.submitter.name ?? "—"}</dd>
              <dt>{t("cases.field.submitterEmail")}</dt>
              <dd>
                {kase.submitter.email ? <a href={`mailto:${kase.submitter.email}`}>{kase.submitter.email}</a> : "—"}
              </dd>
              <dt>{t("cases.field.submitterPhone")}</dt>
              <dd>{kase.submitter.phone ?? "—"}</dd>
              <dt>{t("cases.field.capacity")}</dt>
              <dd>{kase.submitter.capacity ? translateLabel(t, CAPACITY_LABELS, kase.submitter.capacity) : "—"}</dd>
            </dl>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="case-attachments">
        <h2 id="case-attachments">{t("cases.attachments.title")}</h2>
        <AttachmentList code={kase.code} attachments={data.attachments} purposeLabel={purposeLabel} />
      </section>

      <ServicePanel data={data.servicePanel} caseCode={kase.code} />
      <FeedbackPanel data={data.feedbackPanel} caseCode={kase.code} />
      <FakeReportPanel
        data={data.fakeReportPanel}
        fieldErrors={failure?.intent?.startsWith("fake_report.") ? failure.fieldErrors : undefined}
      />

      <section aria-labelledby="case-actions">
        <h2 id="case-actions">{t("cases.handle.actions")}</h2>
        <div className="grid-2">
          {has("accept") ? (
            <CaseActionForm
              intent="accept"
              title={t("cases.action.accept")}
              submit={t("cases.action.accept")}
              failure={failure}
            >
              <NoteField intent="accept" label={t("cases.form.publicNote")} failure={failure} />
            </CaseActionForm>
          ) : null}
          {has("request_info") ? (
            <CaseActionForm
              intent="request_info"
              title={t("cases.action.request_info")}
              submit={t("cases.action.request_info")}
              failure={failure}
            >
              <NoteField
                intent="request_info"
                label={t("cases.form.whatIsMissing")}
                hint={t("cases.form.pausesClock")}
                failure={failure}
                required
              />
            </CaseActionForm>
          ) : null}
          {has("resolve") && data.outcomes.length > 0 ? (
            <CaseActionForm
              intent="resolve"
              title={t("cases.action.resolve")}
              submit={t("cases.action.resolve")}
              failure={failure}
            >
              <OutcomeField outcomes={data.outcomes} failure={failure} />
              <NoteField intent="resolve" label={t("cases.form.resultNote")} failure={failure} required />
            </CaseActionForm>
          ) : null}
          {has("refuse") ? (
            <CaseActionForm
              intent="refuse"
              title={t("cases.action.refuse")}
              submit={t("cases.action.refuse")}
              failure={failure}
              danger
            >
              <NoteField intent="refuse" label={t("cases.form.reason")} failure={failure} required />
            </CaseActionForm>
          ) : null}
          {has("assign") ? (
            <CaseActionForm
              intent="assign"
              title={t("cases.action.assign")}
              submit={t("cases.action.assign")}
              failure={failure}
            >
              <AssignFields staff={data.staff} departments={kase.handledByMinistry} failure={failure} />
            </CaseActionForm>
          ) : null}
          {has("forward") ? (
            <CaseActionForm
              intent="forward"
              title={t("cases.action.forward")}
              submit={t("cases.action.forward")}
              failure={failure}
            >
              <SelectField
                id="f-forward-to"
                name="to"
                label={t("cases.form.forwardTo")}
                defaultValue={failure?.intent === "forward" ? failure.values?.to : undefined}
                error={failure?.intent === "forward" ? failure.fieldErrors?.to : undefined}
              >
                <option value="ministry">{t("cases.handler.ministry")}</option>
                {data.schools.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.code})
                  </option>
                ))}
              </SelectField>
              <NoteField intent="forward" label={t("cases.form.publicNote")} failure={failure} />
            </CaseActionForm>
          ) : null}
          {has("merge") ? (
            <CaseActionForm
              intent="merge"
              title={t("cases.action.merge")}
              submit={t("cases.action.merge")}
              failure={failure}
            >
              <TextField
                id="f-merge-mergeInto"
                name="mergeInto"
                label={t("cases.form.mergeInto")}
                hint={t("cases.form.mergeIntoHint")}
                maxLength={40}
                autoComplete="off"
                defaultValue={failure?.intent === "merge" ? failure.values?.mergeInto : ""}
                error={failure?.intent === "merge" ? failure.fieldErrors?.mergeInto : undefined}
              />
              <NoteField intent="merge" label={t("cases.form.publicNote")} failure={failure} />
            </CaseActionForm>
          ) : null}
          {has("note") ? (
            <CaseActionForm
              intent="note"
              title={t("cases.action.note")}
              submit={t("cases.action.note")}
              failure={failure}
            >
              <NoteField
                intent="note"
                name="internalNote"
                label={t("cases.form.internalNote")}
                hint={t("cases.form.internalHint")}
                failure={failure}
                required
              />
            </CaseActionForm>
          ) : null}
          <CaseActionForm
            intent="attach"
            title={t("cases.action.attach")}
            submit={t("cases.action.attach")}
            failure={failure}
            multipart
          >
            <FilesField intent="attach" failure={failure} purposes={ATTACHMENT_PURPOSES} />
            <NoteField
              intent="attach"
              label={t("cases.form.internalNote")}
              hint={t("cases.form.internalHint")}
              failure={failure}
            />
          </CaseActionForm>
        </div>
      </section>

      <section className="card" aria-labelledby="case-timeline">
        <h2 id="case-timeline">{t("cases.timeline.title")}</h2>
        <CaseTimeline events={data.timeline} />
      </section>
    </div>
  );
}
