import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { isPlainSvg } from "~/components/diploma-certificate";
import { FormAlert, TextAreaField } from "~/components/form";
import { ConfirmCheckbox, DiplomaStatusBadge } from "~/components/issued-diplomas";
import { getEnv } from "~/lib/env.server";
import { formValues, parseForm } from "~/lib/forms";
import { forbidden, requireOrganisationPermission } from "~/lib/guards.server";
import { failureReply, notFound, readFormData } from "~/lib/http.server";
import type { MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { hasPermission } from "~/lib/permissions";
import { formatDateVi } from "~/modules/reference/cell-values";
import { changeDiplomaStatus } from "~/modules/diplomas/change-diploma-status.server";
import { statusTransition, type StatusChange } from "~/modules/diplomas/diploma-status";
import { DIPLOMA_FAILURES } from "~/modules/diplomas/failures";
import { loadSchoolDiplomaDetail } from "~/modules/diplomas/issued-pages.server";
import { REASON_MAX, StatusChangeSchema } from "~/modules/diplomas/issued-schema";
import { startCorrection } from "~/modules/diplomas/start-correction.server";
import {
  GENDER_LABELS,
  HISTORY_KIND_LABELS,
  MODE_OF_STUDY_LABELS,
  STATUS_CHANGE_LABELS,
  STATUS_CHANGE_NOTICES,
} from "~/modules/diplomas/labels";
import { classificationLabel, LEVEL_TITLES } from "~/modules/documents/labels";
import { parseUuid } from "~/lib/uuid";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [title] = pageTitle(matches, "issued.list.title");
  const base = (title as { title: string }).title;
  return [
    { title: data?.diploma.serial ? `${data.diploma.serial} — ${base}` : base },
    { name: "robots", content: "noindex" },
  ];
};

function diplomaIdOf(value: string | undefined): string {
  const id = parseUuid(value);
  if (!id) throw notFound();
  return id;
}

const NOTICES = ["revoked", "suspended", "reinstated"] as const;
const STATUS_CHANGES: StatusChange[] = ["revoke", "suspend", "reinstate"];

/** One signed diploma of the school: every field (personal ID masked), history, QR, links, claim code, actions. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "school:view",
  });
  const diplomaId = diplomaIdOf(params.diplomaId);
  const data = await loadSchoolDiplomaDetail({
    organisationId: organisation.id,
    diplomaId,
    origin: getEnv().PUBLIC_ORIGIN,
  });
  if (!data) throw notFound();
  const canManageStatus = hasPermission(session.grants, "diplomas:manage-status", organisation.id);
  const canDraft = hasPermission(session.grants, "diplomas:draft", organisation.id);
  const notice = NOTICES.find((n) => n === new URL(request.url).searchParams.get("notice")) ?? null;
  return json(
    {
      schoolCode: organisation.code,
      ...data,
      notice,
      statusChanges: canManageStatus ? STATUS_CHANGES.filter((c) => statusTransition(c, data.diploma.status).ok) : [],
      canStartReplacement:
        canDraft &&
        (data.diploma.status === "issued" || data.diploma.status === "suspended") &&
        !data.diploma.supersededById &&
        !data.pendingReplacement,
      claimUrl: `${getEnv().PUBLIC_ORIGIN}/graduate/claim`,
    },
    // The claim code is on this page: not for shared caches.
    { headers: { "Cache-Control": "no-store" } },
  );
}

type DetailActionData = {
  intent: string;
  values?: Record<string, string>;
  fieldErrors?: Record<string, string>;
  formError?: MessageKey;
};

const DONE: Record<StatusChange, (typeof NOTICES)[number]> = {
  revoke: "revoked",
  suspend: "suspended",
  reinstate: "reinstated",
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "school:view",
  });
  const diplomaId = diplomaIdOf(params.diplomaId);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const actor = { userId: session.user.id, ip: clientOf(request, context).ip };
  const ref = { organisationId: organisation.id, diplomaId };

  if (intent === "revoke" || intent === "suspend" || intent === "reinstate") {
    if (!hasPermission(session.grants, "diplomas:manage-status", organisation.id)) throw forbidden();
    const parsed = parseForm(StatusChangeSchema, form);
    if (!parsed.ok)
      return json<DetailActionData>(
        { intent, values: parsed.values, fieldErrors: parsed.fieldErrors, formError: "issued.form.fix" },
        { status: 400 },
      );
    const result = await changeDiplomaStatus({ ...ref, change: parsed.data.intent, reason: parsed.data.reason, actor });
    if (!result.ok) {
      if (result.code === "not_found") throw notFound();
      return failureReply<DetailActionData>(DIPLOMA_FAILURES.status[result.code], {
        intent,
        values: formValues(form),
        fieldErrors: {},
      });
    }
    return redirect(`/school/${organisation.code}/diplomas/${diplomaId}?notice=${DONE[parsed.data.intent]}`);
  }

  if (intent === "start-correction" || intent === "start-reissue") {
    if (!hasPermission(session.grants, "diplomas:draft", organisation.id)) throw forbidden();
    const reason = String(form.get("reason") ?? "").slice(0, 2000);
    const result = await startCorrection({
      ...ref,
      kind: intent === "start-correction" ? "correct" : "reissue",
      reason,
      actor,
    });
    if (!result.ok) {
      if (result.code === "not_found") throw notFound();
      return failureReply<DetailActionData>(DIPLOMA_FAILURES.correction[result.code], {
        intent,
        values: formValues(form),
        fieldErrors: result.fieldErrors ?? {},
      });
    }
    return redirect(`/school/${organisation.code}/batches/${result.value.batchId}/drafts/${result.value.diplomaId}`);
  }

  return json<DetailActionData>({ intent, formError: "issued.error.unknownIntent" }, { status: 400 });
}

export default function SchoolDiplomaPage() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { diploma: d, schoolCode } = data;
  const level = LEVEL_TITLES[d.levelCode]?.level.vi ?? d.levelCode;

  return (
    <>
      <p>
        <Link to={`/school/${schoolCode}/diplomas`}>{t("issued.detail.back")}</Link>
      </p>
      <h1>{t("issued.detail.title", { serial: d.serial ?? "—" })}</h1>
      <p className="lead">
        {d.fullName} · <DiplomaStatusBadge status={d.status} />
      </p>

      {data.notice ? <FormAlert kind="success">{t(STATUS_CHANGE_NOTICES[data.notice])}</FormAlert> : null}
      {result?.formError &&
      (result.intent === "start-correction" ||
        result.intent === "start-reissue" ||
        !STATUS_CHANGES.includes(result.intent as StatusChange)) ? (
        <FormAlert kind="error">{t(result.formError)}</FormAlert>
      ) : null}
      {data.compromised && (d.status === "issued" || d.status === "suspended") ? (
        <FormAlert kind="error">
          <strong>{t("issued.detail.reissueNeeded")}</strong> {t("issued.detail.compromised", { key: d.keyRef ?? "" })}
        </FormAlert>
      ) : null}
      {d.supersededById ? (
        <FormAlert kind="info">
          {t("issued.detail.superseded", { serial: d.supersededBySerial ?? "—" })}{" "}
          <Link to={`/school/${schoolCode}/diplomas/${d.supersededById}`}>{t("issued.detail.openReplacement")}</Link>
        </FormAlert>
      ) : null}
      {d.supersedesId ? (
        <FormAlert kind="info">
          {t("issued.detail.supersedes", { serial: d.supersedesSerial ?? "—" })}{" "}
          <Link to={`/school/${schoolCode}/diplomas/${d.supersedesId}`}>{t("issued.detail.openPredecessor")}</Link>
        </FormAlert>
      ) : null}
      {data.pendingReplacement ? (
        <FormAlert kind="info">
          {t("issued.detail.pending", { title: data.pendingReplacement.batchTitle })}{" "}
          <Link to={`/school/${schoolCode}/batches/${data.pendingReplacement.batchId}`}>
            {t("issued.detail.openPending")}
          </Link>
        </FormAlert>
      ) : null}

      <div className="grid-2">
        <section className="card" aria-labelledby="graduate-title">
          <h2 id="graduate-title">{t("diplomas.form.graduate")}</h2>
          <dl className="facts">
            <dt>{t("diplomas.field.fullName")}</dt>
            <dd>{d.fullName}</dd>
            <dt>{t("diplomas.field.dateOfBirth")}</dt>
            <dd>{formatDateVi(d.dateOfBirth)}</dd>
            <dt>{t("diplomas.field.placeOfBirth")}</dt>
            <dd>{d.placeOfBirth}</dd>
            <dt>{t("diplomas.field.gender")}</dt>
            <dd>{t(GENDER_LABELS[d.gender])}</dd>
            <dt>{t("diplomas.field.ethnicity")}</dt>
            <dd>{d.ethnicity}</dd>
            <dt>{t("diplomas.field.personalId")}</dt>
            <dd>
              <span aria-label={t("diplomas.drafts.maskedId", { last: d.personalIdMasked.slice(-4) })}>
                {d.personalIdMasked}
              </span>
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="award-title">
          <h2 id="award-title">{t("diplomas.form.award")}</h2>
          <dl className="facts">
            <dt>{t("diplomas.field.programmeCode")}</dt>
            <dd>
              <code>{d.programmeCode}</code> {d.programmeName}
            </dd>
            <dt>{t("diplomas.field.level")}</dt>
            <dd>{level}</dd>
            {d.honorificTitle ? (
              <>
                <dt>{t("diplomas.field.honorificTitle")}</dt>
                <dd>{d.honorificTitle}</dd>
              </>
            ) : null}
            <dt>{t("diplomas.field.modeOfStudy")}</dt>
            <dd>{t(MODE_OF_STUDY_LABELS[d.modeOfStudy])}</dd>
            <dt>{t("diplomas.field.classification")}</dt>
            <dd>{classificationLabel(d.classification, locale)}</dd>
            <dt>{t("diplomas.field.graduationDate")}</dt>
            <dd>{formatDateVi(d.graduationDate)}</dd>
            <dt>{t("diplomas.field.graduationDecisionNumber")}</dt>
            <dd>{d.graduationDecisionNumber}</dd>
          </dl>
        </section>
      </div>

      <section className="card" aria-labelledby="numbers-title">
        <h2 id="numbers-title">{t("issued.detail.numbers")}</h2>
        <dl className="facts">
          <dt>{t("issued.field.serial")}</dt>
          <dd>{d.serial}</dd>
          <dt>{t("issued.field.registerNumber")}</dt>
          <dd>{d.registerNumber !== null ? `${d.registerNumber}/${d.registerYear}` : "—"}</dd>
          <dt>{t("issued.field.issueDate")}</dt>
          <dd>{d.issueDate ? formatDateVi(d.issueDate) : "—"}</dd>
          <dt>{t("issued.field.issuePlace")}</dt>
          <dd>{d.issuePlace ?? "—"}</dd>
          <dt>{t("issued.field.signer")}</dt>
          <dd>
            {d.signerTitle} {d.signerName}
          </dd>
          {d.signedAt ? (
            <>
              <dt>{t("issued.field.signedAt")}</dt>
              <dd>
                <DateTime value={d.signedAt} />{" "}
                {d.keyRef ? <span className="muted">({t("issued.field.key", { key: d.keyRef })})</span> : null}
              </dd>
            </>
          ) : null}
          {d.batchId ? (
            <>
              <dt>{t("issued.field.batch")}</dt>
              <dd>
                <Link to={`/school/${schoolCode}/batches/${d.batchId}`}>{d.batchTitle}</Link>
              </dd>
            </>
          ) : null}
          <dt>{t("issued.list.status")}</dt>
          <dd>
            <DiplomaStatusBadge status={d.status} />
            {d.statusChangedAt ? (
              <>
                {" "}
                <DateTime value={d.statusChangedAt} />
              </>
            ) : null}
          </dd>
          {d.statusReason && d.status !== "superseded" ? (
            <>
              <dt>{t("issued.field.statusReason")}</dt>
              <dd className="prewrap">{d.statusReason}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <div className="grid-2">
        <section className="card" aria-labelledby="documents-title">
          <h2 id="documents-title">{t("issued.detail.documents")}</h2>
          {data.qrSvg && isPlainSvg(data.qrSvg) ? (
            <div
              className="issued-qr"
              role="img"
              aria-label={t("issued.detail.qr")}
              dangerouslySetInnerHTML={{ __html: data.qrSvg }}
            />
          ) : null}
          <ul className="issued-links">
            <li>
              <a href={data.links.page}>{t("issued.detail.printable")}</a>
            </li>
            <li>
              <a href={data.links.pdf} download>
                {t("issued.detail.pdf")}
              </a>
            </li>
            <li>
              <a href={data.links.json}>{t("issued.detail.json")}</a>
            </li>
          </ul>
          <p className="muted">{t("issued.detail.capabilityNote")}</p>
        </section>

        <section className="card" aria-labelledby="claim-title">
          <h2 id="claim-title">{t("issued.claimCode.title")}</h2>
          {data.claimCode ? (
            <>
              <p
                className="claim-code"
                aria-label={t("issued.claimCode.spelled", { code: data.claimCode.split("").join(" ") })}
              >
                {data.claimCode}
              </p>
              <p>{t("issued.claimCode.intro", { url: data.claimUrl })}</p>
              <p>
                {d.claimedAt ? (
                  <>
                    {t("issued.claimCode.claimed")} <DateTime value={d.claimedAt} dateOnly />
                  </>
                ) : (
                  t("issued.claimCode.notClaimed")
                )}
              </p>
              <p>
                <Link to={`/school/${schoolCode}/diplomas/${d.id}/claim-slip`} className="button">
                  {t("issued.claimCode.slip")}
                </Link>
              </p>
            </>
          ) : (
            <p>{t("issued.claimCode.none")}</p>
          )}
        </section>
      </div>

      <section className="section" aria-labelledby="history-title">
        <h2 id="history-title">{t("issued.history.title")}</h2>
        {data.history.length === 0 ? (
          <p className="empty-state">{t("issued.history.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("issued.history.col.date")}</th>
                  <th scope="col">{t("issued.history.col.entry")}</th>
                  <th scope="col">{t("issued.history.col.remarks")}</th>
                  <th scope="col">{t("issued.history.col.by")}</th>
                </tr>
              </thead>
              <tbody>
                {data.history.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">
                      <DateTime value={e.createdAt} />
                    </td>
                    <td>
                      {e.diplomaId === d.id ? (
                        t(HISTORY_KIND_LABELS[e.kind])
                      ) : (
                        <>
                          {t("issued.history.replacement", { serial: e.serial ?? "—" })}{" "}
                          <Link to={`/school/${schoolCode}/diplomas/${e.diplomaId}`}>
                            {t("issued.detail.openReplacement")}
                          </Link>
                        </>
                      )}
                    </td>
                    <td className="prewrap">{e.remarks ?? ""}</td>
                    <td>{e.actorName ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {data.statusChanges.length > 0 ? (
        <section className="section" aria-labelledby="status-title">
          <h2 id="status-title">{t("issued.status.title")}</h2>
          <div className="grid-2">
            {data.statusChanges.map((change) => (
              <StatusChangeForm key={change} change={change} failure={result?.intent === change ? result : undefined} />
            ))}
          </div>
        </section>
      ) : null}

      {data.canStartReplacement ? (
        <section className="card" aria-labelledby="correction-title">
          <h2 id="correction-title">{t("issued.correction.title")}</h2>
          <p>{t("issued.correction.intro")}</p>
          <div className="grid-2">
            {(["start-correction", "start-reissue"] as const).map((intent) => {
              const failure = result?.intent === intent ? result : undefined;
              return (
                <Form method="post" className="form" noValidate key={intent}>
                  <input type="hidden" name="intent" value={intent} />
                  <p className="muted">
                    {t(
                      intent === "start-correction" ? "issued.correction.correctHelp" : "issued.correction.reissueHelp",
                    )}
                  </p>
                  <TextAreaField
                    id={`f-replacement-reason-${intent}`}
                    name="reason"
                    label={t("issued.correction.reason")}
                    hint={t("issued.correction.reasonHint")}
                    rows={2}
                    maxLength={500}
                    required
                    defaultValue={failure?.values?.reason ?? ""}
                    error={failure?.fieldErrors?.reason}
                  />
                  <button type="submit" className={intent === "start-correction" ? "button button-primary" : "button"}>
                    {t(intent === "start-correction" ? "issued.correction.correct" : "issued.correction.reissue")}
                  </button>
                </Form>
              );
            })}
          </div>
        </section>
      ) : null}
    </>
  );
}

function StatusChangeForm({ change, failure }: { change: StatusChange; failure?: DetailActionData }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const reasonError = failure?.fieldErrors?.reason;
  const reasonId = `f-reason-${change}`;
  return (
    <Form method="post" className="card form" noValidate aria-labelledby={`status-${change}-title`}>
      <h3 id={`status-${change}-title`}>{t(STATUS_CHANGE_LABELS[change].title)}</h3>
      <p className="muted">{t(STATUS_CHANGE_LABELS[change].help)}</p>
      {failure?.formError ? <FormAlert kind="error">{t(failure.formError)}</FormAlert> : null}
      <input type="hidden" name="intent" value={change} />
      <TextAreaField
        id={reasonId}
        name="reason"
        label={t(change === "reinstate" ? "issued.status.reasonOptional" : "issued.status.reason")}
        hint={t(change === "reinstate" ? "issued.status.reasonHint" : "issued.status.reasonPublicHint")}
        rows={3}
        maxLength={REASON_MAX}
        required={change !== "reinstate"}
        defaultValue={failure?.values?.reason ?? ""}
        error={reasonError}
      />
      <ConfirmCheckbox
        id={`f-confirm-${change}`}
        label={t(STATUS_CHANGE_LABELS[change].confirm)}
        error={failure?.fieldErrors?.confirm}
      />
      <div className="form-actions">
        <button
          type="submit"
          className={`button ${change === "reinstate" ? "button-primary" : "button-danger"}`}
          disabled={busy}
        >
          {t(STATUS_CHANGE_LABELS[change].submit)}
        </button>
      </div>
    </Form>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
