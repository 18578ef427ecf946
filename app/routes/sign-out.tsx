import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { getOptionalUser } from "~/lib/guards.server";
import { clientOf } from "~/lib/request-context";
import { clearSessionCookie, revokeSession } from "~/lib/session.server";
import { recordAudit } from "~/modules/audit/record-audit.server";

/** Revokes the session in the database (not only the cookie), so a copied cookie dies with it. */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await getOptionalUser(request);
  if (session) {
    const db = await getDb();
    await db.transaction(async (tx) => {
      await revokeSession(tx, session.sessionId);
      await recordAudit(
        tx,
        { userId: session.user.id, ip: clientOf(request, context).ip },
        {
          action: "user.sign-out",
          entityType: "session",
          entityId: session.sessionId,
        },
      );
    });
  }
  return redirect("/", { headers: { "Set-Cookie": clearSessionCookie() } });
}

export const loader = () => redirect("/");
