import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/lib/http.server";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormAlert, TextField } from "~/components/form";
import { getEnv } from "~/lib/env.server";
import { parseForm } from "~/lib/forms";
import { getOptionalUser } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { clientOf } from "~/lib/request-context";
import { SignInSchema, safeRedirect } from "~/modules/auth/schema";
import { signIn } from "~/modules/auth/sign-in.server";
import { pageTitle } from "~/lib/meta";
import { AUTH_FAILURES } from "~/modules/auth/failures";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "auth.signIn.title")];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (await getOptionalUser(request)) throw redirect(safeRedirect(url.searchParams.get("redirectTo")));
  return json({ notice: url.searchParams.get("notice") });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const parsed = parseForm(SignInSchema, form);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const client = clientOf(request, context);
  const result = await signIn({
    email: parsed.data.email,
    password: parsed.data.password,
    ip: client.ip,
    userAgent: client.userAgent,
    cookieHeader: request.headers.get("cookie"),
    maxAttempts: getEnv().SIGN_IN_MAX_ATTEMPTS,
  });
  if (!result.ok) {
    const failure = AUTH_FAILURES[result.code];
    return json(
      {
        ok: false as const,
        values: { email: parsed.data.email },
        fieldErrors: {} as Record<string, string>,
        ...waitMessage(failure.message, result.retryAfterSeconds),
      },
      {
        status: failure.status,
        headers: result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : undefined,
      },
    );
  }
  const headers = new Headers({ "Set-Cookie": result.value.setCookie });
  if (result.value.deviceSetCookie) headers.append("Set-Cookie", result.value.deviceSetCookie);
  return redirect(safeRedirect(parsed.data.redirectTo), { headers });
}

/** The form's message: for a wait, in seconds under a minute, else in whole minutes. */
function waitMessage(message: (typeof AUTH_FAILURES)[keyof typeof AUTH_FAILURES]["message"], retryAfter?: number) {
  if (message !== "auth.error.rate_limited" || !retryAfter) return { formError: message, formErrorParams: {} };
  if (retryAfter < 60)
    return { formError: "auth.error.rate_limited_seconds" as const, formErrorParams: { seconds: retryAfter } };
  return { formError: message, formErrorParams: { minutes: Math.ceil(retryAfter / 60) } };
}

export default function SignIn() {
  const t = useT();
  const { notice } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="container narrow">
      <h1>{t("auth.signIn.title")}</h1>
      {notice === "confirmed" ? <FormAlert kind="success">{t("auth.confirm.ok")}</FormAlert> : null}
      {notice === "reset" ? <FormAlert kind="success">{t("auth.reset.done")}</FormAlert> : null}
      {failure?.formError ? (
        <FormAlert kind="error">{t(failure.formError as never, failure.formErrorParams)}</FormAlert>
      ) : null}
      <Form method="post" className="card form" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField
          name="email"
          type="email"
          label={t("auth.email")}
          autoComplete="username"
          required
          defaultValue={failure?.values?.email}
          error={failure?.fieldErrors?.email}
        />
        <TextField
          name="password"
          type="password"
          label={t("auth.password")}
          autoComplete="current-password"
          required
          error={failure?.fieldErrors?.password}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {t("auth.signIn.submit")}
        </button>
        <p className="form-links">
          <Link to="/forgot-password">{t("auth.signIn.forgot")}</Link>
          <span>
            {t("auth.signIn.noAccount")} <Link to="/sign-up">{t("nav.signUp")}</Link>
          </span>
        </p>
      </Form>
    </div>
  );
}
