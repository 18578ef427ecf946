import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { FormAlert } from "~/components/form";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { hasPermission } from "~/lib/permissions";
import { listBatchesInHand } from "~/modules/drafts/queries.server";
import { ORGANISATION_STATUS_LABELS, ROLE_LABELS } from "~/modules/organisations/labels";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "school:view",
  });
  const roles = session.grants.filter((g) => g.organisationId === organisation.id).map((g) => g.role);
  const canSign = hasPermission(session.grants, "diplomas:sign", organisation.id);
  const canDraft = hasPermission(session.grants, "diplomas:draft", organisation.id);
  // The principal's queue: what waits for a signature (two-person rule: not what they submitted themselves).
  const waiting = canSign ? await listBatchesInHand({ organisationId: organisation.id, kind: "submitted" }) : [];
  const returned = canDraft ? await listBatchesInHand({ organisationId: organisation.id, kind: "returned" }) : [];
  return json({
    school: { name: organisation.name, code: organisation.code, status: organisation.status },
    roles,
    canSign,
    waiting: waiting.map(({ createdBy: _, ...b }) => b),
    returned: returned.map((b) => ({ id: b.id, title: b.title, returnReason: b.returnReason })),
  });
}

export default function SchoolHome() {
  const t = useT();
  const { school, roles, canSign, waiting, returned } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{school.name}</h1>
      <dl className="facts">
        <dt>{t("org.code")}</dt>
        <dd>{school.code}</dd>
        <dt>{t("org.status")}</dt>
        <dd>{t(ORGANISATION_STATUS_LABELS[school.status])}</dd>
        <dt>{t("school.yourRoles")}</dt>
        <dd>{roles.map((r) => t(ROLE_LABELS[r])).join(", ")}</dd>
      </dl>

      {canSign ? (
        <section className="card" aria-labelledby="waiting-title" data-testid="waiting-batches">
          <h2 id="waiting-title">{t("school.overview.waitingTitle")}</h2>
          {waiting.length === 0 ? (
            <p className="empty-state">{t("school.overview.waitingNone")}</p>
          ) : (
            <ul>
              {waiting.map((b) => (
                <li key={b.id}>
                  <Link to={`/school/${school.code}/batches/${b.id}/sign`}>
                    {t("school.overview.sign", { title: b.title })}
                  </Link>
                  <br />
                  <span className="muted">
                    {t("school.overview.waitingItem", { count: b.draftCount, by: b.submittedBy ?? "—" })}{" "}
                    {b.submittedAt ? <DateTime value={b.submittedAt} /> : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {returned.length > 0 ? (
        <section className="card" aria-labelledby="returned-title">
          <h2 id="returned-title">{t("school.overview.returnedTitle")}</h2>
          <ul>
            {returned.map((b) => (
              <li key={b.id}>
                <Link to={`/school/${school.code}/batches/${b.id}`}>{b.title}</Link>
                <FormAlert kind="info">
                  {t("diplomas.batch.returned")} <span className="prewrap">{b.returnReason}</span>
                </FormAlert>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
