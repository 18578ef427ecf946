import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { foundOr404, uuidOr404 } from "~/lib/http.server";
import { normaliseCaseCode } from "~/modules/cases/case-kinds";
import { attachmentVisible, findCaseForStaff, findOwnCase } from "~/modules/cases/case-pages.server";
import { readAttachment } from "~/modules/cases/attachments.server";

/**
 * GET /cases/{code}/attachments/{id} — one file of a case, for its handling staff (every file) or its submitter (the
 * files they uploaded). Anyone else, a wrong case or an unknown id: 404, whether or not the file exists.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireUser(request);
  const code = foundOr404(normaliseCaseCode(params.code ?? ""));
  const attachmentId = uuidOr404(params.id);
  const staff = await findCaseForStaff(code, { userId: session.user.id, grants: session.grants });
  const own = staff ? null : await findOwnCase(code, session.user.id);
  const kase = foundOr404(staff?.kase ?? own);
  const scope = staff ? staff.viewer.scope : { kind: "submitter" as const, userId: session.user.id };
  const visible = await attachmentVisible({
    caseId: kase.id,
    attachmentId,
    submitterUserId: staff ? undefined : session.user.id,
  });
  if (!visible) foundOr404(null);
  const file = foundOr404(await readAttachment(await getDb(), attachmentId, scope));
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
