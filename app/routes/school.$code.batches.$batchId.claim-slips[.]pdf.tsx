import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEnv } from "~/lib/env.server";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { renderBatchClaimSlipsPdf } from "~/modules/diplomas/issued-pages.server";
import { notFound } from "~/lib/http.server";
import { parseUuid } from "~/lib/uuid";

/**
 * GET /school/{code}/batches/{batchId}/claim-slips.pdf[?part=N]: every claim slip of a signed batch, one page per
 * graduate, in the register's order. The registrar's and the principal's (the codes of a whole class); the batch is
 * looked up within the school of the user's own role, so another school's batch is a 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "diplomas:claim-slips",
  });
  const batchId = parseUuid(params.batchId);
  const part = Number.parseInt(new URL(request.url).searchParams.get("part") ?? "1", 10);
  if (!batchId || !Number.isSafeInteger(part) || part < 1 || part > 1000) throw notFound();
  const result = await renderBatchClaimSlipsPdf({ organisation, batchId, part, origin: getEnv().PUBLIC_ORIGIN });
  if (!result) throw notFound();
  return new Response(new Uint8Array(result.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="phieu-nhan-van-bang-${organisation.code}-${batchId.slice(0, 8)}${part > 1 ? `-phan-${part}` : ""}.pdf"`,
      // Claim codes: never in a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
