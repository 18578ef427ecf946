import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FormAlert } from "~/components/form";
import { PrintButton } from "~/components/print-button";
import { getEnv } from "~/lib/env.server";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { formatDateVi } from "~/modules/reference/cell-values";
import { loadClaimSlip } from "~/modules/diplomas/issued-pages.server";
import { notFound, uuidOr404 } from "~/lib/http.server";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "issued.slip.title"),
  { name: "robots", content: "noindex" },
];

/** A printable slip for the graduate: the diploma, its claim code and how to claim it. School staff only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "school:view",
  });
  const diplomaId = uuidOr404(params.diplomaId);
  const origin = getEnv().PUBLIC_ORIGIN;
  const slip = await loadClaimSlip({ organisationId: organisation.id, diplomaId, origin });
  if (!slip) throw notFound();
  return json(
    { school: { code: organisation.code, name: organisation.name }, origin, ...slip },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function ClaimSlip() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  if (data.superseded) {
    const s = data.superseded;
    return (
      <>
        <p className="no-print">
          <Link to={`/school/${data.school.code}/diplomas/${data.diploma.id}`}>
            {t("issued.slip.back", { serial: data.diploma.serial ?? "" })}
          </Link>
        </p>
        <h1>{t("issued.slip.supersededTitle")}</h1>
        <FormAlert kind="info">
          {s.newSerial
            ? t("issued.slip.superseded", { old: s.oldSerial, new: s.newSerial })
            : t("issued.slip.replacementPending", { old: s.oldSerial })}
        </FormAlert>
        {s.replacementId ? (
          <p>
            <Link
              to={`/school/${data.school.code}/diplomas/${s.replacementId}/claim-slip`}
              className="button button-primary"
            >
              {t("issued.slip.openReplacement")}
            </Link>
          </p>
        ) : null}
      </>
    );
  }
  const { school, diploma: d, claimCode, claimUrl, origin } = data;
  return (
    <>
      <p className="no-print">
        <Link to={`/school/${school.code}/diplomas/${d.id}`}>{t("issued.slip.back", { serial: d.serial ?? "" })}</Link>
      </p>
      <div className="button-row no-print">
        <PrintButton label={t("issued.slip.print")} />
      </div>
      <article className="claim-slip" aria-labelledby="slip-title">
        <p className="claim-slip-school">{school.name}</p>
        <h1 id="slip-title">{t("issued.slip.title")}</h1>
        <dl className="facts">
          <dt>{t("diplomas.field.fullName")}</dt>
          <dd>{d.fullName}</dd>
          <dt>{t("diplomas.field.dateOfBirth")}</dt>
          <dd>{formatDateVi(d.dateOfBirth)}</dd>
          <dt>{t("diplomas.field.programmeCode")}</dt>
          <dd>
            {d.programmeCode} — {d.programmeName}
          </dd>
          <dt>{t("issued.field.serial")}</dt>
          <dd>{d.serial}</dd>
          <dt>{t("issued.field.registerNumber")}</dt>
          <dd>{d.registerNumber !== null ? `${d.registerNumber}/${d.registerYear}` : "—"}</dd>
          {d.issueDate ? (
            <>
              <dt>{t("issued.field.issueDate")}</dt>
              <dd>{formatDateVi(d.issueDate)}</dd>
            </>
          ) : null}
        </dl>
        <p className="claim-slip-label">{t("issued.claimCode.title")}</p>
        <p className="claim-code claim-code-large">{claimCode}</p>
        <h2>{t("issued.slip.howTitle")}</h2>
        <ol>
          <li>{t("issued.slip.step1", { url: `${origin}/sign-up` })}</li>
          <li>{t("issued.slip.step2", { url: claimUrl })}</li>
          <li>{t("issued.slip.step3")}</li>
        </ol>
        <p className="muted">{t("issued.slip.keep")}</p>
      </article>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
