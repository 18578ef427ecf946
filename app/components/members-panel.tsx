import { Form, useNavigation } from "@remix-run/react";
import { useT } from "~/lib/i18n/use-t";
import type { MemberView, MembersActionResult } from "~/modules/organisations/schema";
import { FormAlert, SelectField, TextField } from "./form";
import { MembersTable } from "./members-table";
import { ROLE_LABELS } from "~/modules/organisations/labels";
import { translateLabel } from "~/lib/labels";

/** A school's or employer's members, their roles, and (for those who manage members) the invite and revoke forms. */
export function MembersPanel({
  kind,
  members,
  roles,
  canManage,
  currentUserId,
  result,
}: {
  kind: "school" | "employer";
  members: MemberView[];
  roles: readonly string[];
  canManage: boolean;
  currentUserId: string;
  result: MembersActionResult | undefined;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const inviteFailure = result?.intent === "invite" && !result.ok ? result : null;
  const values = inviteFailure?.values ?? {};
  const errors = inviteFailure?.fieldErrors ?? {};
  // A new key after a successful invitation empties the form; after a failure it keeps what was typed.
  const formKey = result?.intent === "invite" && result.ok ? `sent-${result.userId}` : "invite";

  return (
    <>
      <h1>{t("members.title")}</h1>
      <p className="lead">{t(kind === "school" ? "members.intro.school" : "members.intro.employer")}</p>

      {result?.intent === "invite" && result.ok ? (
        <FormAlert kind="success">{t(result.notice, { email: result.email })}</FormAlert>
      ) : null}
      {result?.intent === "remove" && result.ok ? <FormAlert kind="success">{t("members.removed")}</FormAlert> : null}
      {result?.intent === "remove" && !result.ok ? <FormAlert kind="error">{t(result.formError)}</FormAlert> : null}

      <section className="card">
        {members.length === 0 ? (
          <p className="empty-state">{t("members.empty")}</p>
        ) : (
          <MembersTable
            members={members}
            currentUserId={currentUserId}
            roles={(m) => (
              <ul className="role-list">
                {m.roles.map((r) => {
                  const label = translateLabel(t, ROLE_LABELS, r.role);
                  return (
                    <li key={r.assignmentId}>
                      <span>{label}</span>
                      {canManage ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="assignmentId" value={r.assignmentId} />
                          <button
                            type="submit"
                            className="button button-small button-ghost"
                            aria-label={t("members.removeLabel", { role: label, name: m.fullName })}
                            disabled={busy}
                          >
                            {t("members.remove")}
                          </button>
                        </Form>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          />
        )}
      </section>

      {canManage ? (
        <section className="card">
          <h2>{t("members.invite.title")}</h2>
          <p className="muted">{t("members.invite.intro")}</p>
          {inviteFailure ? <FormAlert kind="error">{t("form.errorSummary")}</FormAlert> : null}
          <Form method="post" className="form" noValidate key={formKey}>
            <input type="hidden" name="intent" value="invite" />
            <TextField
              name="fullName"
              label={t("auth.fullName")}
              autoComplete="off"
              required
              maxLength={120}
              defaultValue={values.fullName}
              error={errors.fullName}
            />
            <TextField
              name="email"
              type="email"
              label={t("auth.email")}
              autoComplete="off"
              required
              maxLength={254}
              defaultValue={values.email}
              error={errors.email}
            />
            <SelectField
              name="role"
              label={t("members.invite.role")}
              required
              defaultValue={values.role ?? roles[0]}
              error={errors.role}
            >
              {roles.map((role) => (
                <option key={role} value={role}>
                  {translateLabel(t, ROLE_LABELS, role)}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="button button-primary" disabled={busy}>
              {t("members.invite.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
