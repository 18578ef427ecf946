import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BatchStatusBadge, DraftFields } from "~/components/diploma-drafts";
import { FormAlert } from "~/components/form";
import { type FormFailure, formValues } from "~/lib/forms";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { failureReply, notFound, readFormData, uuidOr404 } from "~/lib/http.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { loadDraftForEdit } from "~/modules/drafts/batch-pages.server";
import { deleteDraft } from "~/modules/drafts/delete-draft.server";
import { DRAFT_FAILURES } from "~/modules/drafts/failures";
import { listActiveProgrammes } from "~/modules/drafts/queries.server";
import { saveDraft } from "~/modules/drafts/save-draft.server";
import { draftRawRowFromForm } from "~/modules/drafts/schema";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "diplomas.drafts.editTitle");

function idsOf(params: { batchId?: string; diplomaId?: string }) {
  return { batchId: uuidOr404(params.batchId), diplomaId: uuidOr404(params.diplomaId) };
}

/** The registrar's edit form: the only page where the personal ID number is shown in full (it is being edited). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "diplomas:draft",
  });
  const ids = idsOf(params);
  const data = await loadDraftForEdit({ organisationId: organisation.id, ...ids });
  if (!data) throw notFound();
  const editable = data.batch.status === "draft";
  return json(
    { schoolCode: organisation.code, ...data, editable, programmes: editable ? await listActiveProgrammes() : [] },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "diplomas:draft",
  });
  const ids = idsOf(params);
  const form = await readFormData(request);
  const actor = { userId: session.user.id, ip: clientOf(request, context).ip };
  const back = `/school/${organisation.code}/batches/${ids.batchId}`;
  if (form.get("intent") === "delete") {
    const result = await deleteDraft({ organisationId: organisation.id, ...ids, actor });
    if (!result.ok && result.code !== "batch_locked") throw notFound();
    if (!result.ok) return failureReply<FormFailure>(DRAFT_FAILURES[result.code], { values: {}, fieldErrors: {} });
    return redirect(`${back}?notice=deleted#drafts`);
  }
  const result = await saveDraft({ organisationId: organisation.id, ...ids, input: draftRawRowFromForm(form), actor });
  if (!result.ok) {
    if (result.code === "not_found" || result.code === "draft_not_found") throw notFound();
    return failureReply<FormFailure>(DRAFT_FAILURES[result.code], {
      values: formValues(form),
      fieldErrors: result.fieldErrors ?? {},
    });
  }
  return redirect(`${back}?notice=${result.value.changed ? "updated" : "unchanged"}#drafts`);
}

export default function EditDraft() {
  const t = useT();
  const { schoolCode, batch, draft, editable, programmes } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const back = `/school/${schoolCode}/batches/${batch.id}`;
  const stored: Record<string, string> = {
    fullName: draft.fullName,
    dateOfBirth: draft.dateOfBirth,
    placeOfBirth: draft.placeOfBirth,
    gender: draft.gender,
    ethnicity: draft.ethnicity,
    personalId: draft.personalId,
    programmeCode: draft.programmeCode,
    modeOfStudy: draft.modeOfStudy,
    classification: draft.classification,
    graduationDate: draft.graduationDate,
    graduationDecisionNumber: draft.graduationDecisionNumber,
    email: draft.email,
  };
  return (
    <>
      <p>
        <Link to={back}>{t("diplomas.drafts.backToBatch", { title: batch.title })}</Link>
      </p>
      <h1>{t("diplomas.drafts.editTitle")}</h1>
      <p>
        <BatchStatusBadge status={batch.status} /> {draft.programmeName}
        {draft.honorificTitle ? ` — ${t("diplomas.field.honorificTitle")}: ${draft.honorificTitle}` : ""}
      </p>
      {draft.replacementReason ? (
        <p>
          <strong>{t("issued.correction.pendingReason")}</strong>{" "}
          <span className="prewrap">{draft.replacementReason}</span>
        </p>
      ) : null}
      {!editable ? <FormAlert kind="info">{t("diplomas.error.batch_locked")}</FormAlert> : null}
      {failure ? <FormAlert kind="error">{t(failure.formError ?? "form.errorSummary")}</FormAlert> : null}
      <section className="card">
        <Form method="post" className="form" noValidate>
          <fieldset disabled={!editable} className="form-plain">
            <DraftFields
              values={failure?.values ?? stored}
              errors={failure?.fieldErrors ?? {}}
              programmes={programmes}
            />
          </fieldset>
          {editable ? (
            <div className="form-actions">
              <button type="submit" name="intent" value="save" className="button button-primary">
                {t("form.save")}
              </button>
              <Link to={back}>{t("form.cancel")}</Link>
            </div>
          ) : null}
        </Form>
        {editable ? (
          <Form method="post" className="button-row">
            <input type="hidden" name="intent" value="delete" />
            <button type="submit" className="button button-danger">
              {t("diplomas.drafts.delete")}
            </button>
          </Form>
        ) : null}
      </section>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
