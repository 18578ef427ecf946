/** What the services' pages show: each service's fee and deadline, and a request form pre-filled for its user. */
import type { Executor } from "~/lib/db.server";
import { loadKindSettings } from "~/modules/cases/queries.server";
import { listOwnDiplomas, listOwnServiceCases, listServiceSchools } from "./queries.server";
import { SERVICE_SLUGS, type ServiceKind, type ServiceSlug } from "./schema";

/** Each service with its fee (VND, 0 = free) and its deadline in working days, as the administrator set them. */
export async function loadServiceIndex(db: Executor) {
  return Promise.all(
    (Object.entries(SERVICE_SLUGS) as [ServiceSlug, ServiceKind][]).map(async ([slug, kind]) => {
      const settings = await loadKindSettings(db, kind);
      return { slug, kind, feeVnd: settings.feeVnd, workingDays: settings.workingDays };
    }),
  );
}

/** A request form's data: the fee and deadline, the user's own diplomas to choose from, the schools, the user's name. */
export async function loadServiceForm(
  db: Executor,
  options: { kind: ServiceKind; user: { id: string; fullName: string; email: string } },
) {
  const [settings, diplomas, schools] = await Promise.all([
    loadKindSettings(db, options.kind),
    listOwnDiplomas(db, options.user.id),
    listServiceSchools(db),
  ]);
  return {
    kind: options.kind,
    feeVnd: settings.feeVnd,
    workingDays: settings.workingDays,
    diplomas,
    schools,
    prefill: { name: options.user.fullName, email: options.user.email },
  };
}

/** The person's own requests, with links to their signed results (/documents/{id}, .pdf, .json). */
export async function loadOwnRequests(db: Executor, userId: string) {
  const rows = await listOwnServiceCases(db, userId);
  return rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }));
}
