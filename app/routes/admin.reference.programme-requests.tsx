import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { FormAlert, TextAreaField } from "~/components/form";
import { PROGRAMME_REQUEST_STATUS_KEYS, useLevelName } from "~/components/programme-requests";
import { formValues, parseForm } from "~/lib/forms";
import { requirePermission } from "~/lib/guards.server";
import { readFormData } from "~/lib/http.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { answerProgrammeRequest } from "~/modules/programme-requests/answer-programme-request.server";
import { PROGRAMME_REQUEST_FAILURES } from "~/modules/programme-requests/failures";
import { listProgrammeRequests } from "~/modules/programme-requests/queries.server";
import {
  PROGRAMME_REQUEST_FILTERS,
  ProgrammeRequestAnswerSchema,
  parseProgrammeRequestFilter,
  type ProgrammeRequestFilter,
} from "~/modules/programme-requests/schema";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "programmeRequests.title");

const FILTER_KEYS = {
  pending: "programmeRequests.filter.pending",
  added: "programmeRequests.filter.added",
  refused: "programmeRequests.filter.refused",
  all: "programmeRequests.filter.all",
} as const satisfies Record<ProgrammeRequestFilter, MessageKey>;

/** GET /admin/reference/programme-requests?status=pending|added|refused|all — every school's requests. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reference:edit");
  const filter = parseProgrammeRequestFilter(new URL(request.url).searchParams.get("status"));
  return json({ filter, requests: await listProgrammeRequests({ filter }) });
}

interface AnswerFailure {
  requestId: string;
  formError?: MessageKey;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}

/** POST — the ministry's answer to one request: added (the code must be in the catalogue) or refused with a note. */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "reference:edit");
  const form = await readFormData(request);
  const requestId = String(form.get("id") ?? "");
  const parsed = parseForm(ProgrammeRequestAnswerSchema, form);
  if (!parsed.ok)
    return json<AnswerFailure>({ requestId, fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const result = await answerProgrammeRequest({
    answer: parsed.data,
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
  });
  if (!result.ok) {
    const failure = PROGRAMME_REQUEST_FAILURES[result.code];
    return json<AnswerFailure>(
      { requestId, formError: failure.message, fieldErrors: {}, values: formValues(form) },
      { status: failure.status },
    );
  }
  const url = new URL(request.url);
  url.searchParams.set("answered", result.value.programmeCode);
  return redirect(`${url.pathname}${url.search}`);
}

export default function AdminProgrammeRequests() {
  const t = useT();
  const levelName = useLevelName();
  const { filter, requests } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const answered = params.get("answered");
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>{t("programmeRequests.title")}</h1>
      <p className="lead">{t("programmeRequests.adminIntro")}</p>
      {answered && /^\d{7,8}$/.test(answered) ? (
        <FormAlert kind="success">{t("programmeRequests.answer.saved", { code: answered })}</FormAlert>
      ) : null}
      <Form method="get" className="form filters">
        <div className="field">
          <label htmlFor="f-status-filter">{t("programmeRequests.filter.label")}</label>
          <select id="f-status-filter" name="status" defaultValue={filter}>
            {PROGRAMME_REQUEST_FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(FILTER_KEYS[f])}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t("programmeRequests.filter.apply")}
          </button>
        </div>
      </Form>
      {requests.length === 0 ? <p className="muted">{t("programmeRequests.empty")}</p> : null}
      {requests.map((r) => {
        const mine = failure && failure.requestId === r.id ? failure : undefined;
        return (
          <section
            key={r.id}
            className="card"
            aria-labelledby={`pr-${r.id}`}
            data-programme-request={`${r.schoolCode}:${r.programmeCode}`}
            data-status={r.status}
          >
            <h2 id={`pr-${r.id}`}>
              {r.programmeCode} · {r.schoolName} ({r.schoolCode})
            </h2>
            <dl>
              <dt>{t("programmeRequests.col.status")}</dt>
              <dd>{t(PROGRAMME_REQUEST_STATUS_KEYS[r.status])}</dd>
              <dt>{t("programmeRequests.col.name")}</dt>
              <dd>{r.programmeName ?? "—"}</dd>
              <dt>{t("programmeRequests.col.level")}</dt>
              <dd>{levelName(r.levelCode)}</dd>
              <dt>{t("programmeRequests.col.requester")}</dt>
              <dd>{r.requesterEmail}</dd>
              <dt>{t("programmeRequests.col.createdAt")}</dt>
              <dd>
                <DateTime value={r.createdAt} />
              </dd>
              <dt>{t("reference.nav.programmes")}</dt>
              <dd>
                {r.inCatalogue ? (
                  <Link to={`/admin/reference/programmes/${r.programmeCode}`}>
                    {t("programmeRequests.inCatalogue")}
                  </Link>
                ) : (
                  <>
                    {t("programmeRequests.notInCatalogue")} ·{" "}
                    <Link to="/admin/reference/programmes/new">{t("programmeRequests.addToCatalogue")}</Link>
                  </>
                )}
              </dd>
              {r.adminNote ? (
                <>
                  <dt>{t("programmeRequests.col.note")}</dt>
                  <dd className="prewrap">{r.adminNote}</dd>
                </>
              ) : null}
            </dl>
            <Form method="post" className="form" noValidate>
              {mine?.formError ? <FormAlert kind="error">{t(mine.formError)}</FormAlert> : null}
              <input type="hidden" name="id" value={r.id} />
              <fieldset className="field">
                <legend>{t("programmeRequests.answer.status")}</legend>
                {(["added", "refused"] as const).map((s) => (
                  <label key={s} className="radio">
                    <input
                      type="radio"
                      name="status"
                      value={s}
                      defaultChecked={(mine?.values.status ?? (r.status === "pending" ? "added" : r.status)) === s}
                    />{" "}
                    {t(s === "added" ? "programmeRequests.answer.added" : "programmeRequests.answer.refused")}
                  </label>
                ))}
              </fieldset>
              <TextAreaField
                id={`f-note-${r.id}`}
                name="adminNote"
                label={t("programmeRequests.answer.note")}
                rows={2}
                maxLength={2000}
                defaultValue={mine?.values.adminNote ?? r.adminNote ?? ""}
                error={mine?.fieldErrors.adminNote}
              />
              <div className="form-actions">
                <button type="submit" className="button button-primary" disabled={busy}>
                  {t("programmeRequests.answer.save")}
                </button>
              </div>
            </Form>
          </section>
        );
      })}
    </>
  );
}
