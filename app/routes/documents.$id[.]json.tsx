import type { LoaderFunctionArgs } from "@remix-run/node";
import { getReadDb } from "~/lib/db.server";
import { publicError, publicJson } from "~/lib/public-json.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { parseUuid } from "~/lib/uuid";
import { findSignedDocumentRow } from "~/modules/verification/queries.server";

/**
 * GET /documents/{id}.json: the signed document's credential (a W3C VC with its eddsa-jcs-2022 proof), as a download.
 * It never changes; whether it still stands is checked by /verify or its page.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const id = parseUuid(params.id);
  const row = id ? await findSignedDocumentRow(await getReadDb(), id) : null;
  if (!row) return publicError(404, "not_found", "There is no signed document with this id.");
  return publicJson(row.credential, {
    maxAgeSeconds: 86_400,
    immutable: true,
    headers: {
      "Content-Type": "application/vc+ld+json; charset=utf-8",
      "Content-Disposition": `attachment; filename="van-ban-${row.id.slice(0, 8)}.json"`,
      "X-Robots-Tag": "noindex",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
