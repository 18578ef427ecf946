import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { hitRateLimit } from "~/lib/rate-limit.server";
import { suggestCodeChoices } from "~/modules/reference/code-choices.server";

/**
 * JSON suggestions for the job form's programme and occupation choosers: `?kind=programme|occupation&q=ke toan`.
 * Employers only (their own organisation, in the guard), rate-limited per person, never cached.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireOrganisationPermission(request, {
    kind: "employer",
    code: params.code,
    permission: "jobs:manage",
  });
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind");
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  if (kind !== "programme" && kind !== "occupation")
    return json({ error: "kind" }, { status: 400, headers: { "Cache-Control": "no-store" } });
  const limit = await hitRateLimit(`code-suggestions:user:${session.user.id}`, { limit: 120, windowSeconds: 60 });
  if (!limit.allowed) {
    return json(
      { error: "rate_limited" },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds), "Cache-Control": "no-store" } },
    );
  }
  return json({ suggestions: await suggestCodeChoices({ kind, q }) }, { headers: { "Cache-Control": "no-store" } });
}
