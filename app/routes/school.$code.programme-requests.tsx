import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/form";
import {
  ProgrammeRequestNotice,
  SchoolProgrammeRequests,
  type ProgrammeRequestActionData,
} from "~/components/programme-requests";
import { parseForm } from "~/lib/forms";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { readFormData } from "~/lib/http.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { hasPermission } from "~/lib/permissions";
import { PROGRAMME_REQUEST_FAILURES } from "~/modules/programme-requests/failures";
import { listSchoolProgrammeRequests } from "~/modules/programme-requests/queries.server";
import { requestProgramme } from "~/modules/programme-requests/request-programme.server";
import { ProgrammeRequestSchema } from "~/modules/programme-requests/schema";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "programmeRequests.title");

/** GET /school/{code}/programme-requests — the school's requests to add programmes, with the ministry's answers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "school:view",
  });
  const requests = await listSchoolProgrammeRequests({ organisationId: organisation.id });
  return json({ requests, canRequest: hasPermission(session.grants, "diplomas:draft", organisation.id) });
}

/** POST — a request for one code (the import report's button, or the form below). Once per school and code. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "diplomas:draft",
  });
  const parsed = parseForm(ProgrammeRequestSchema, await readFormData(request));
  if (!parsed.ok) {
    return json<ProgrammeRequestActionData>(
      { ok: false, error: "programmeRequests.validation.fix", fieldErrors: parsed.fieldErrors, values: parsed.values },
      { status: 400 },
    );
  }
  const result = await requestProgramme({
    organisationId: organisation.id,
    input: parsed.data,
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
  });
  if (!result.ok) {
    const failure = PROGRAMME_REQUEST_FAILURES[result.code];
    return json<ProgrammeRequestActionData>({ ok: false, error: failure.message }, { status: failure.status });
  }
  const { request: saved, created } = result.value;
  return json<ProgrammeRequestActionData>(
    { ok: true, created, programmeCode: saved.programmeCode, status: saved.status },
    { status: created ? 201 : 200 },
  );
}

export default function SchoolProgrammeRequestsPage() {
  const t = useT();
  const { requests, canRequest } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const failure = data && !data.ok ? data : undefined;
  return (
    <>
      <h1>{t("programmeRequests.title")}</h1>
      <p className="lead">{t("programmeRequests.schoolIntro")}</p>
      <ProgrammeRequestNotice data={data} />
      <SchoolProgrammeRequests requests={requests} />
      {canRequest ? (
        <section className="card">
          <h2>{t("programmeRequests.form.title")}</h2>
          <Form method="post" className="form" noValidate>
            <TextField
              name="programmeCode"
              label={t("programmeRequests.form.code")}
              inputMode="numeric"
              maxLength={8}
              required
              defaultValue={failure?.values?.programmeCode ?? ""}
              error={failure?.fieldErrors?.programmeCode}
            />
            <TextField
              name="programmeName"
              label={t("programmeRequests.form.name")}
              maxLength={300}
              defaultValue={failure?.values?.programmeName ?? ""}
              error={failure?.fieldErrors?.programmeName}
            />
            <TextField
              name="level"
              label={t("programmeRequests.form.level")}
              maxLength={60}
              defaultValue={failure?.values?.level ?? ""}
              error={failure?.fieldErrors?.level}
            />
            <div className="form-actions">
              <button type="submit" className="button button-primary">
                {t("programmeRequests.form.submit")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
