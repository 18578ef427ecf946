import type { LoaderFunctionArgs } from "@remix-run/node";
import { getReadDb } from "~/lib/db.server";
import { publicError, publicJson } from "~/lib/public-json.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { normaliseCaseCode } from "~/modules/cases/case-kinds";
import { findPublicCase, publicCaseJson } from "~/modules/cases/public-case.server";

/**
 * GET /api/v1/cases/{code}: a case's public status and timeline, without personal data (the OpenAPI document's
 * PublicCase). 400 `{code:"invalid_code"}` for what cannot be a code, 404 `{code:"not_found"}` for an unknown one.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const code = normaliseCaseCode(params.code ?? "");
  if (!code)
    return publicError(400, "invalid_code", "Not a case code: expected e.g. DV-2026-000123 or VB-XXXXX-XXXXX.");
  const found = await findPublicCase(await getReadDb(), code);
  if (!found) return publicError(404, "not_found", "There is no case with this code.");
  return publicJson(publicCaseJson(found.case));
}
