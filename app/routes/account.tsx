import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/lib/http.server";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormAlert, TextField } from "~/components/form";
import { getDb } from "~/lib/db.server";
import { parseForm } from "~/lib/forms";
import { requireUser } from "~/lib/guards.server";
import { useLocale, useT } from "~/lib/i18n/use-t";
import type { MessageKey } from "~/lib/i18n";
import { formatDateTime } from "~/lib/format-time";
import { clientOf } from "~/lib/request-context";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { changePassword } from "~/modules/auth/manage-password.server";
import { listActiveSessions, revokeOwnSession } from "~/modules/auth/queries.server";
import { ChangePasswordSchema } from "~/modules/auth/schema";
import { listUserOrganisations } from "~/modules/organisations/queries.server";
import { pageTitle } from "~/lib/meta";
import { MAIL_CATEGORIES, MAIL_CATEGORY_NAMES, type MailCategory } from "~/modules/mail/categories";
import { getMailOptOuts, saveMailPreferences } from "~/modules/mail/save-mail-preferences.server";
import { ROLE_LABELS } from "~/modules/organisations/labels";

/** Each mail category's label (a typed table: a new category without a label does not compile). */
const MAIL_CATEGORY_LABEL = {
  account: "mail.category.account",
  diploma: "mail.category.diploma",
  organisation: "mail.category.organisation",
  school_work: "mail.category.school_work",
  jobs: "mail.category.jobs",
  job_alerts: "mail.category.job_alerts",
  reports: "mail.category.reports",
  cases: "mail.category.cases",
} as const satisfies Record<MailCategory, MessageKey>;

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "auth.account.title")];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireUser(request);
  const [sessions, organisations, mailOptOuts] = await Promise.all([
    listActiveSessions(session.user.id),
    listUserOrganisations(session.user.id),
    getMailOptOuts(session.user.id),
  ]);
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  return json({
    user: session.user,
    currentSessionId: session.sessionId,
    roles: session.grants.map((g) => ({
      role: g.role,
      organisation: g.organisationId ? (orgName.get(g.organisationId) ?? null) : null,
    })),
    sessions,
    mailOptOuts,
  });
}

const RevokeSchema = z.object({ intent: z.literal("revoke-session"), sessionId: z.string().uuid() });

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireUser(request);
  const form = await readFormData(request);
  const db = await getDb();
  const actor = { userId: session.user.id, ip: clientOf(request, context).ip };

  if (form.get("intent") === "revoke-session") {
    const parsed = RevokeSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success)
      return json({ intent: "revoke", ok: false as const, fieldErrors: {} as Record<string, string> }, { status: 400 });
    await db.transaction(async (tx) => {
      if (await revokeOwnSession(tx, { userId: session.user.id, sessionId: parsed.data.sessionId })) {
        await recordAudit(tx, actor, {
          action: "session.revoke",
          entityType: "session",
          entityId: parsed.data.sessionId,
        });
      }
    });
    return json({ intent: "revoke", ok: true as const, fieldErrors: {} as Record<string, string> });
  }

  if (form.get("intent") === "mail-preferences") {
    const enabled = form.getAll("category").filter((v): v is string => typeof v === "string");
    await saveMailPreferences({ userId: session.user.id, enabled, actor });
    return json({ intent: "mail", ok: true as const, fieldErrors: {} as Record<string, string> });
  }

  const parsed = parseForm(ChangePasswordSchema, form);
  if (!parsed.ok)
    return json({ intent: "password", ok: false as const, fieldErrors: parsed.fieldErrors }, { status: 400 });
  const result = await changePassword({
    userId: session.user.id,
    sessionId: session.sessionId,
    currentPassword: parsed.data.currentPassword,
    newPassword: parsed.data.newPassword,
    actor,
  });
  if (!result.ok)
    return json({ intent: "password", ok: false as const, fieldErrors: result.fieldErrors ?? {} }, { status: 400 });
  return json({ intent: "password", ok: true as const, fieldErrors: {} as Record<string, string> });
}

export default function Account() {
  const t = useT();
  const locale = useLocale();
  const { user, roles, sessions, currentSessionId, mailOptOuts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const passwordErrors = result?.intent === "password" ? result.fieldErrors : {};
  return (
    <div className="container">
      <h1>{t("auth.account.title")}</h1>
      <div className="grid-2">
        <section className="card">
          <h2>{user.fullName}</h2>
          <p>{user.email}</p>
          <h3>{t("auth.account.roles")}</h3>
          {roles.length === 0 ? <p>{t("auth.account.noRoles")}</p> : null}
          <ul>
            {roles.map((r) => (
              <li key={`${r.role}-${r.organisation}`}>
                {t(ROLE_LABELS[r.role])}
                {r.organisation ? ` — ${r.organisation}` : ""}
              </li>
            ))}
          </ul>
        </section>
        <section className="card">
          <h2>{t("auth.account.changePassword")}</h2>
          {result?.intent === "password" && result.ok ? (
            <FormAlert kind="success">{t("auth.account.passwordChanged")}</FormAlert>
          ) : null}
          <Form method="post" className="form" noValidate>
            <TextField
              name="currentPassword"
              type="password"
              label={t("auth.account.currentPassword")}
              autoComplete="current-password"
              required
              error={passwordErrors.currentPassword}
            />
            <TextField
              name="newPassword"
              type="password"
              label={t("auth.account.newPassword")}
              hint={t("auth.passwordHint")}
              autoComplete="new-password"
              required
              error={passwordErrors.newPassword}
            />
            <TextField
              name="passwordConfirm"
              type="password"
              label={t("auth.passwordConfirm")}
              autoComplete="new-password"
              required
              error={passwordErrors.passwordConfirm}
            />
            <button type="submit" className="button button-primary">
              {t("auth.account.changePassword")}
            </button>
          </Form>
        </section>
      </div>
      <section className="card" id="mail" aria-labelledby="mail-title">
        <h2 id="mail-title">{t("auth.account.mail.title")}</h2>
        <p>{t("auth.account.mail.intro")}</p>
        {result?.intent === "mail" && result.ok ? (
          <FormAlert kind="success">{t("auth.account.mail.saved")}</FormAlert>
        ) : null}
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="mail-preferences" />
          <fieldset className="field choice-group">
            <legend className="visually-hidden">{t("auth.account.mail.title")}</legend>
            {MAIL_CATEGORY_NAMES.map((category) => {
              const required = MAIL_CATEGORIES[category].required;
              return (
                <label key={category} className="choice">
                  <input
                    type="checkbox"
                    name="category"
                    value={category}
                    defaultChecked={required || !mailOptOuts.includes(category)}
                    disabled={required}
                  />{" "}
                  {t(MAIL_CATEGORY_LABEL[category])}
                  {required ? <span className="muted"> ({t("auth.account.mail.required")})</span> : null}
                </label>
              );
            })}
          </fieldset>
          <button type="submit" className="button">
            {t("auth.account.mail.save")}
          </button>
        </Form>
      </section>
      <section className="card">
        <h2>{t("auth.account.sessions")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("auth.account.sessionStarted")}</th>
                <th scope="col">{t("auth.account.sessionFrom")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("auth.account.sessionRevoke")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td>{formatDateTime(s.createdAt, locale)}</td>
                  <td>
                    {s.ip ?? "—"} <span className="muted">{s.userAgent?.slice(0, 60)}</span>
                  </td>
                  <td>
                    {s.id === currentSessionId ? (
                      <strong>{t("auth.account.sessionCurrent")}</strong>
                    ) : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke-session" />
                        <input type="hidden" name="sessionId" value={s.id} />
                        <button type="submit" className="button button-small">
                          {t("auth.account.sessionRevoke")}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
