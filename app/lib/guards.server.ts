import { json, redirect } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { organisations, roleAssignments, type Organisation, type OrganisationKind } from "../../db/schema";
import { hasPermission, type Permission } from "~/lib/permissions";
import { getDb } from "./db.server";
import { getSessionUser, type SessionUser } from "./session.server";

/**
 * The one place where loaders and actions check who may do what. Each guard returns what the route needs
 * or throws a response (a redirect to sign in, or 403), so a loader reads top to bottom.
 */

export function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return getSessionUser(request);
}

function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return redirect(`/sign-in?redirectTo=${encodeURIComponent(back)}`);
}

export function forbidden(): Response {
  return json({ code: "forbidden" }, { status: 403 });
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const session = await getSessionUser(request);
  if (!session) throw signInRedirect(request);
  return session;
}

/** For permissions that are not tied to an organisation (ministry administration, a graduate's own pages). */
export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser> {
  const session = await requireUser(request);
  if (!hasPermission(session.grants, permission)) throw forbidden();
  return session;
}

/**
 * For a school's or employer's pages: the organisation is looked up by its code *through the user's own
 * role assignments*, so a member of one school never loads another's. Unknown and foreign codes both get 403,
 * which says nothing about whether the organisation exists.
 */
export async function requireOrganisationPermission(
  request: Request,
  options: { kind: OrganisationKind; code: string | undefined; permission: Permission },
): Promise<{ session: SessionUser; organisation: Organisation }> {
  const session = await requireUser(request);
  if (!options.code || options.code.length > 64) throw forbidden();
  const db = await getDb();
  const rows = await db
    .selectDistinct({ organisation: organisations })
    .from(organisations)
    .innerJoin(roleAssignments, eq(roleAssignments.organisationId, organisations.id))
    .where(
      and(
        eq(organisations.kind, options.kind),
        eq(organisations.code, options.code),
        eq(roleAssignments.userId, session.user.id),
      ),
    )
    .limit(1);
  const organisation = rows[0]?.organisation;
  if (!organisation || !hasPermission(session.grants, options.permission, organisation.id)) throw forbidden();
  return { session, organisation };
}
