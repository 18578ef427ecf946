import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { feeText, SERVICE_TEXT } from "~/modules/services/labels";
import { loadServiceIndex } from "~/modules/services/request-pages.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "services.index.title");

/** GET /services: the online diploma services, each with its fee and its deadline in working days. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return json(
    { services: await loadServiceIndex(await getDb()) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function ServicesIndex() {
  const t = useT();
  const { services } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow services-index">
      <h1>{t("services.index.title")}</h1>
      <p className="lead">{t("services.index.intro")}</p>
      <ul className="card-list">
        {services.map((s) => (
          <li key={s.slug} className="card">
            <h2>
              <Link to={`/services/${s.slug}`}>{t(SERVICE_TEXT[s.kind].title)}</Link>
            </h2>
            <p>{t(SERVICE_TEXT[s.kind].intro)}</p>
            <p>
              <strong>{t("services.fee.title")}:</strong>{" "}
              <span data-testid={`fee-${s.slug}`}>{feeText(t, s.feeVnd)}</span>
              {" · "}
              {s.workingDays === 0 ? t("services.fee.sameDay") : t("services.fee.deadline", { days: s.workingDays })}
            </p>
          </li>
        ))}
      </ul>
      <p className="field-hint">{t("services.fee.payment")}</p>
    </div>
  );
}
