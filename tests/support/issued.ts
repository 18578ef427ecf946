/**
 * Signed diplomas for the claim and diploma-page tests: an accredited school with a key, its registrar and principal,
 * a signed batch; signed-in users as request builders (call the routes with callRoute from ./routes).
 */
import type { Role } from "~db/schema";
import type { Database } from "~/lib/db.server";
import { createSession } from "~/lib/session.server";
import { signBatch } from "~/modules/diplomas/sign-batch.server";
import { ensureSchoolKey } from "~/modules/keys/ensure-school-key.server";
import { createSubmittedBatch } from "./diplomas";
import { createOrganisation } from "./factories";
import { createMember } from "./members";
import { routeArgs, type RouteArgs } from "./routes";

/** The personal ID number and date of birth createSubmittedBatch gives its i-th graduate. */
export function graduateOf(i: number) {
  return {
    personalId: String(1_000_000_000_00 + i * 7919)
      .padStart(12, "0")
      .slice(0, 12),
    dateOfBirth: `200${i % 5}-0${1 + (i % 9)}-1${i % 9}`,
  };
}

/**
 * An accredited school with a signing key, a registrar, a principal, and `count` diplomas signed in one batch.
 * `publicOrigin` is the origin in the QR codes: pass the server's (PUBLIC_ORIGIN) when the test verifies them.
 */
export async function schoolWithSignedDiplomas(
  db: Database,
  options: { code?: string; name?: string; count?: number; publicOrigin?: string } = {},
) {
  const org = await createOrganisation(db, { kind: "school", code: options.code, name: options.name });
  const registrar = await createMember(db, "school_registrar", org);
  const principal = await createMember(db, "school_principal", org);
  const key = await ensureSchoolKey(db, { organisationId: org.id, actor: { userId: null, ip: null } });
  if (!key.ok) throw new Error(`no school key: ${key.code}`);
  const { batch, diplomaIds } = await createSubmittedBatch(db, {
    organisationId: org.id,
    createdBy: registrar.id,
    count: options.count ?? 3,
  });
  const signed = await signBatch(db, {
    organisationId: org.id,
    batchId: batch.id,
    signer: { userId: principal.id, name: "Lê Minh Tuấn", title: "Hiệu trưởng" },
    issuePlace: "Hà Nội",
    issueDate: "2026-06-15",
    publicOrigin: options.publicOrigin ?? "http://localhost",
    actor: { userId: principal.id, ip: null },
  });
  if (!signed.ok) throw new Error(`signing failed: ${signed.code}`);
  return { org, registrar, principal, batch, diplomaIds };
}

/** A signed-in user (an existing one, or a new member with `role`), with request builders. */
export async function signedIn(
  db: Database,
  who: { id: string } | { role: Role; organisation: { id: string } | null },
  ip = "198.51.100.7",
) {
  const id = "id" in who ? who.id : (await createMember(db, who.role, who.organisation)).id;
  const { setCookie } = await createSession(db, { userId: id, ip: null, userAgent: "vitest" });
  const cookie = setCookie.split(";")[0]!;
  const args = (request: Request, params: Record<string, string>) => routeArgs(request, params, ip);
  return {
    id,
    get: (path: string, params: Record<string, string> = {}) =>
      args(new Request(`http://localhost${path}`, { headers: { cookie } }), params),
    post: (path: string, fields: Record<string, string>, params: Record<string, string> = {}) =>
      args(
        new Request(`http://localhost${path}`, {
          method: "POST",
          headers: { cookie },
          body: new URLSearchParams(fields),
        }),
        params,
      ),
  };
}

/** Anonymous request arguments (public pages). */
export function anonymous(path: string, params: Record<string, string>, ip = "203.0.113.50"): RouteArgs {
  return routeArgs(new Request(`http://localhost${path}`), params, ip);
}
