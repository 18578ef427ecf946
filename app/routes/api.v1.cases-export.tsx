import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { getOptionalUser } from "~/lib/guards.server";
import { hasPermission } from "~/lib/permissions";
import { exportCases } from "~/modules/cases/export-cases.server";
import { CaseExportQuerySchema } from "~/modules/cases/export-schema";

const NO_STORE = { "Cache-Control": "private, no-store" };

/**
 * GET /api/v1/cases-export?from=YYYY-MM-DD&to=YYYY-MM-DD[&kind=…][&cursor=…][&limit=…]: one page of cases for a
 * national one-stop system (docs/case-export.md), for a ministry administrator's session. Errors are JSON with a code.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getOptionalUser(request);
  if (!session)
    return json(
      { code: "unauthenticated", message: "Sign in as a ministry administrator." },
      { status: 401, headers: NO_STORE },
    );
  if (!hasPermission(session.grants, "ministry:administer"))
    return json(
      { code: "forbidden", message: "Only ministry administrators may export cases." },
      { status: 403, headers: NO_STORE },
    );
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = CaseExportQuerySchema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return json(
      { code: "invalid_query", message: `${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid"}` },
      { status: 400, headers: NO_STORE },
    );
  }
  return json(await exportCases(await getDb(), parsed.data, getEnv().PUBLIC_ORIGIN), { headers: NO_STORE });
}
