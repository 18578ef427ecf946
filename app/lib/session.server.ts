import { and, eq, gt, isNull } from "drizzle-orm";
import { roleAssignments, sessions, users, type User } from "../../db/schema";
import type { RoleGrant } from "~/lib/permissions";
import { getDb, type Executor } from "./db.server";
import { getEnv } from "./env.server";
import { generateToken, hashToken } from "./tokens.server";

export const SESSION_COOKIE = "vb_session";
export const SESSION_DAYS = 14;

export interface SessionUser {
  sessionId: string;
  user: Pick<User, "id" | "email" | "fullName" | "locale" | "emailVerifiedAt">;
  grants: RoleGrant[];
}

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) {
      try {
        return decodeURIComponent(v.join("="));
      } catch {
        return null;
      }
    }
  }
  return null;
}

function cookieAttributes(maxAgeSeconds: number): string {
  const secure = getEnv().COOKIE_SECURE ? "; Secure" : "";
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

/** Opens a session for `userId` and returns the Set-Cookie header that carries it. */
export async function createSession(
  db: Executor,
  options: { userId: string; ip: string | null; userAgent: string | null },
): Promise<{ sessionId: string; setCookie: string }> {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86400_000);
  const [row] = await db
    .insert(sessions)
    .values({
      userId: options.userId,
      tokenHash: hashToken(token),
      expiresAt,
      ip: options.ip,
      userAgent: options.userAgent,
    })
    .returning({ id: sessions.id });
  return {
    sessionId: row!.id,
    setCookie: `${SESSION_COOKIE}=${token}; ${cookieAttributes(SESSION_DAYS * 86400)}`,
  };
}

export function clearSessionCookie(): string {
  return `${SESSION_COOKIE}=; ${cookieAttributes(0)}`;
}

const perRequest = new WeakMap<Request, Promise<SessionUser | null>>();

/** The signed-in user behind a request, or null. Looked up once per request. */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  let pending = perRequest.get(request);
  if (!pending) {
    pending = lookUpSession(readCookie(request, SESSION_COOKIE));
    perRequest.set(request, pending);
  }
  return pending;
}

async function lookUpSession(token: string | null): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      sessionId: sessions.id,
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      locale: users.locale,
      emailVerifiedAt: users.emailVerifiedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  const grants = await db
    .select({ role: roleAssignments.role, organisationId: roleAssignments.organisationId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, row.id));
  const { sessionId, ...user } = row;
  return { sessionId, user, grants };
}

export async function revokeSession(db: Executor, sessionId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}
