import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, TextField } from "~/components/form";
import { parseForm, type FormFailure } from "~/lib/forms";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { readFormData } from "~/lib/http.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { createBatch } from "~/modules/drafts/create-batch.server";
import { BatchSchema, DRAFT_LIMITS } from "~/modules/drafts/schema";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "diplomas.batches.new");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "diplomas:draft",
  });
  return json({ schoolCode: organisation.code });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "diplomas:draft",
  });
  const parsed = parseForm(BatchSchema, await readFormData(request));
  if (!parsed.ok) return json<FormFailure>(parsed, { status: 400 });
  const { batchId } = await createBatch({
    organisationId: organisation.id,
    input: parsed.data,
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
  });
  return redirect(`/school/${organisation.code}/batches/${batchId}?notice=created`);
}

export default function NewBatch() {
  const t = useT();
  const { schoolCode } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/school/${schoolCode}/batches`}>{t("diplomas.batches.back")}</Link>
      </p>
      <h1>{t("diplomas.batches.new")}</h1>
      <section className="card narrow-card">
        {failure ? <FormAlert kind="error">{t("form.errorSummary")}</FormAlert> : null}
        <Form method="post" className="form" noValidate>
          <TextField
            name="title"
            label={t("diplomas.batch.title")}
            hint={t("diplomas.batch.titleHint")}
            defaultValue={failure?.values.title ?? ""}
            error={failure?.fieldErrors.title}
            required
            maxLength={DRAFT_LIMITS.batchTitle}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t("diplomas.batches.create")}
            </button>
            <Link to={`/school/${schoolCode}/batches`}>{t("form.cancel")}</Link>
          </div>
        </Form>
      </section>
    </>
  );
}
