import { json } from "@remix-run/node";
import { failureReply, readFormData } from "~/lib/http.server";
import type { Organisation } from "../../../db/schema";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { formValues, parseForm } from "~/lib/forms";
import { localeFromRequest } from "~/lib/i18n";
import { clientOf, type RequestContext } from "~/lib/request-context";
import type { SessionUser } from "~/lib/session.server";
import { hasPermission } from "~/lib/permissions";
import { inviteMember } from "./invite-member.server";
import { listOrganisationMembers } from "./queries.server";
import { removeMemberRole } from "./remove-member-role.server";
import { MEMBER_ROLES, RemoveMemberRoleSchema, inviteMemberSchema, type MembersActionResult } from "./schema";
import { ORGANISATION_FAILURES } from "./failures";

/**
 * What the school and employer members pages share, once their route has run its guard: the routes pass in
 * the session and the organisation the guard resolved, so every query and write is scoped to that organisation.
 */

export async function loadMembersPage(session: SessionUser, organisation: Organisation) {
  const members = await listOrganisationMembers(await getDb(), organisation.id);
  const managePermission = organisation.kind === "school" ? "school:manage-members" : "employer:manage-members";
  return {
    kind: organisation.kind,
    members: members.map((m) => ({
      ...m,
      roles: m.roles.map((r) => ({ assignmentId: r.assignmentId, role: r.role })),
    })),
    roles: MEMBER_ROLES[organisation.kind],
    canManage: hasPermission(session.grants, managePermission, organisation.id),
    currentUserId: session.user.id,
  };
}

/** The invite and remove forms of a members page. The caller's guard checked "<kind>:manage-members". */
export async function handleMembersAction(
  request: Request,
  context: Partial<RequestContext> | undefined,
  guarded: { session: SessionUser; organisation: Organisation },
) {
  const { session, organisation } = guarded;
  const form = await readFormData(request);
  const db = await getDb();
  const actor = { userId: session.user.id, ip: clientOf(request, context).ip };
  const reply = (body: MembersActionResult, status = 200) => json(body, { status });

  if (form.get("intent") === "remove") {
    const parsed = RemoveMemberRoleSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return reply({ intent: "remove", ok: false, formError: "members.error.not_found" }, 400);
    const result = await removeMemberRole(db, {
      organisationId: organisation.id,
      assignmentId: parsed.data.assignmentId,
      actor,
    });
    if (!result.ok) return failureReply(ORGANISATION_FAILURES.members[result.code], { intent: "remove", ok: false });
    return reply({ intent: "remove", ok: true });
  }

  const parsed = parseForm(inviteMemberSchema(organisation.kind), form);
  if (!parsed.ok)
    return reply({ intent: "invite", ok: false, values: parsed.values, fieldErrors: parsed.fieldErrors }, 400);
  const result = await inviteMember(db, {
    organisationId: organisation.id,
    input: parsed.data,
    locale: localeFromRequest(request),
    publicOrigin: getEnv().PUBLIC_ORIGIN,
    actor,
  });
  if (!result.ok) {
    return reply(
      {
        intent: "invite",
        ok: false,
        values: formValues(form),
        fieldErrors: result.fieldErrors ?? { email: "form.invalid" },
      },
      ORGANISATION_FAILURES.members[result.code].status,
    );
  }
  return reply({
    intent: "invite",
    ok: true,
    notice: result.value.invited ? "members.invited" : "members.granted",
    email: parsed.data.email,
    userId: result.value.userId,
  });
}
