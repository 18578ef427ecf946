import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { readFormData } from "~/lib/http.server";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, TextField } from "~/components/form";
import { parseForm } from "~/lib/forms";
import { useT } from "~/lib/i18n/use-t";
import { clientOf } from "~/lib/request-context";
import { clearSessionCookie } from "~/lib/session.server";
import { resetPassword } from "~/modules/auth/manage-password.server";
import { ResetPasswordSchema } from "~/modules/auth/schema";
import { peekUserToken } from "~/modules/auth/user-tokens.server";

/** Sets a password from a mailed link: a forgotten password, or an invited member's first one. */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const valid = token.length > 0 && (await peekUserToken(token, ["reset_password", "invitation"]));
  return json({ token: valid ? token : null }, { status: valid ? 200 : 400 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(ResetPasswordSchema, await readFormData(request));
  if (!parsed.ok) return json({ ...parsed, invalidToken: false }, { status: 400 });
  const result = await resetPassword({
    token: parsed.data.token,
    password: parsed.data.password,
    actor: { userId: null, ip: clientOf(request, context).ip },
  });
  if (!result.ok)
    return json(
      { ok: false as const, values: {}, fieldErrors: {} as Record<string, string>, invalidToken: true },
      { status: 400 },
    );
  return redirect("/sign-in?notice=reset", { headers: { "Set-Cookie": clearSessionCookie() } });
}

export default function ResetPassword() {
  const t = useT();
  const { token } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  if (!token || failure?.invalidToken) {
    return (
      <div className="container narrow">
        <h1>{t("auth.reset.title")}</h1>
        <FormAlert kind="error">{t("auth.reset.bad")}</FormAlert>
        <p>
          <Link to="/forgot-password">{t("auth.signIn.forgot")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="container narrow">
      <h1>{t("auth.reset.title")}</h1>
      <Form method="post" className="card form" noValidate>
        <input type="hidden" name="token" value={token} />
        <TextField
          name="password"
          type="password"
          label={t("auth.account.newPassword")}
          hint={t("auth.passwordHint")}
          autoComplete="new-password"
          required
          error={failure?.fieldErrors?.password}
        />
        <TextField
          name="passwordConfirm"
          type="password"
          label={t("auth.passwordConfirm")}
          autoComplete="new-password"
          required
          error={failure?.fieldErrors?.passwordConfirm}
        />
        <button type="submit" className="button button-primary">
          {t("auth.reset.submit")}
        </button>
      </Form>
    </div>
  );
}
