import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  MaxPartSizeExceededError,
  json,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DraftImportForm, TemplateLinks, type ImportActionData } from "~/components/diploma-drafts";
import { FormAlert } from "~/components/form";
import { SchoolProgrammeRequests } from "~/components/programme-requests";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { DRAFT_FAILURES } from "~/modules/drafts/failures";
import { importDrafts } from "~/modules/drafts/import-drafts.server";
import { DRAFT_IMPORT_LIMITS } from "~/modules/drafts/import-format";
import { findBatch } from "~/modules/drafts/queries.server";
import { listSchoolProgrammeRequests } from "~/modules/programme-requests/queries.server";
import { ImportOptionsSchema } from "~/modules/drafts/schema";
import { notFound, uuidOr404 } from "~/lib/http.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "diplomas.import.title");

const MAX_MB = DRAFT_IMPORT_LIMITS.maxBytes / 1048576;

function batchIdOf(value: string | undefined): string {
  return uuidOr404(value);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "diplomas:draft",
  });
  const batch = await findBatch({ organisationId: organisation.id, batchId: batchIdOf(params.batchId) });
  if (!batch) throw notFound();
  // The school's latest requests to add programmes, so that the registrar sees the ministry's answers here.
  const programmeRequests = await listSchoolProgrammeRequests({ organisationId: organisation.id, limit: 10 });
  return json({
    schoolCode: organisation.code,
    batch: { id: batch.id, title: batch.title, status: batch.status },
    programmeRequests,
  });
}

const answer = (data: ImportActionData, status: number) => json<ImportActionData>(data, { status });

export async function action({ request, params, context }: ActionFunctionArgs) {
  // The guard runs before the body is read: nobody else gets to make the server buffer a file.
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "diplomas:draft",
  });
  const batchId = batchIdOf(params.batchId);
  const tooLarge = () =>
    answer({ status: "error", error: "diplomas.import.file.file_too_large", params: { maxMb: MAX_MB } }, 413);
  if (Number(request.headers.get("content-length") ?? 0) > DRAFT_IMPORT_LIMITS.maxBytes + 64 * 1024) return tooLarge();

  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({
        maxPartSize: DRAFT_IMPORT_LIMITS.maxBytes,
        filter: ({ name }) => name === "file" || name === "mode" || name === "sha256",
      }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return tooLarge();
    return answer({ status: "error", error: "diplomas.import.noFile" }, 400);
  }
  const file = form.get("file");
  if (!file || typeof file === "string" || (file.size === 0 && file.name === ""))
    return answer({ status: "error", error: "diplomas.import.noFile" }, 400);
  // eslint-disable-next-line no-control-regex -- control characters are stripped from the uploaded file name.
  const fileName = file.name.replace(/[\u0000-\u001f]/g, "").slice(0, 200);
  const options = ImportOptionsSchema.parse({
    mode: form.get("mode") ?? undefined,
    sha256: form.get("sha256") ?? undefined,
  });

  const result = await importDrafts({
    organisationId: organisation.id,
    batchId,
    file: new Uint8Array(await file.arrayBuffer()),
    fileName,
    mode: options.mode,
    expectedSha256: options.sha256,
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
  });
  if (result.ok) {
    const { imported, skipped } = result.value;
    return redirect(
      `/school/${organisation.code}/batches/${batchId}?notice=imported&imported=${imported}&skipped=${skipped}#drafts`,
    );
  }
  if (!("report" in result)) {
    if (result.code === "not_found") throw notFound();
    return answer({ status: "error", error: "diplomas.error.batch_locked" }, 409);
  }
  return answer(
    { status: "rejected", code: result.code, fileName, sha256: result.sha256, report: result.report },
    DRAFT_FAILURES[result.code].status,
  );
}

export default function ImportDrafts() {
  const t = useT();
  const { schoolCode, batch, programmeRequests } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const base = `/school/${schoolCode}/batches/${batch.id}`;
  return (
    <>
      <p>
        <Link to={base}>{t("diplomas.drafts.backToBatch", { title: batch.title })}</Link>
      </p>
      <h1>{t("diplomas.import.title")}</h1>
      <p className="lead">
        {t("diplomas.import.intro")} <TemplateLinks schoolCode={schoolCode} />
      </p>
      {batch.status !== "draft" ? (
        <FormAlert kind="info">{t("diplomas.error.batch_locked")}</FormAlert>
      ) : (
        <section className="card">
          <DraftImportForm
            action={`${base}/import`}
            initial={data}
            programmeRequestAction={`/school/${schoolCode}/programme-requests`}
          />
        </section>
      )}
      {programmeRequests.length > 0 ? (
        <section className="card" aria-labelledby="programme-requests-title">
          <h2 id="programme-requests-title">{t("programmeRequests.recent")}</h2>
          <SchoolProgrammeRequests requests={programmeRequests} />
          <p>
            <Link to={`/school/${schoolCode}/programme-requests`}>{t("programmeRequests.seeAll")}</Link>
          </p>
        </section>
      ) : null}
      <section className="card">
        <h2>{t("diplomas.import.formatTitle")}</h2>
        <p>{t("diplomas.import.formatBody")}</p>
      </section>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
