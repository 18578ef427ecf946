import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { SelectField } from "~/components/form";
import { getDb } from "~/lib/db.server";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { copyRegisterYear, loadCopyRegister } from "~/modules/services/copy-register.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "services.register.title");

/** GET /school/{code}/copy-register?year=2026: the school's copy register for a year (its staff only). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "register:read",
  });
  const year = copyRegisterYear(new URL(request.url).searchParams.get("year"));
  const register = await loadCopyRegister(await getDb(), { organisationId: organisation.id, year });
  return json({ code: organisation.code, ...register }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function CopyRegisterPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="copy-register">
      <h1>{t("services.register.title")}</h1>
      <p className="lead">{t("services.register.intro")}</p>
      <Form method="get" className="button-row">
        <SelectField name="year" label={t("services.register.year")} defaultValue={String(data.year)}>
          {data.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          {t("services.register.show")}
        </button>
        <a className="button" href={`/school/${data.code}/copy-register.csv?year=${data.year}`} download>
          {t("services.register.csv")}
        </a>
      </Form>
      {data.rows.length === 0 ? (
        <p>{t("services.register.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="copy-register">
            <thead>
              <tr>
                <th scope="col">{t("services.register.number")}</th>
                <th scope="col">{t("services.register.issuedAt")}</th>
                <th scope="col">{t("services.register.serial")}</th>
                <th scope="col">{t("services.register.holder")}</th>
                <th scope="col">{t("services.register.copies")}</th>
                <th scope="col">{t("services.register.delivery")}</th>
                <th scope="col">{t("services.register.recipient")}</th>
                <th scope="col">{t("services.register.tracking")}</th>
                <th scope="col">{t("services.register.document")}</th>
                <th scope="col">{t("services.register.issuedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.entryNumber}>
                  <td>
                    {r.entryNumber}/{r.year}
                  </td>
                  <td>
                    <DateTime value={r.issuedAt} />
                  </td>
                  <td>{r.serial}</td>
                  <td>{r.holderName}</td>
                  <td>{r.copies}</td>
                  <td>{t(r.delivery === "post" ? "services.delivery.post" : "services.delivery.electronic")}</td>
                  <td>{r.recipientName}</td>
                  <td>{[r.postalAddress, r.trackingNumber].filter(Boolean).join(" · ") || "—"}</td>
                  <td>{r.documentId ? <a href={`/documents/${r.documentId}`}>{r.documentId.slice(0, 8)}</a> : "—"}</td>
                  <td>{r.issuedByName ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
