import type { ActionFunctionArgs } from "@remix-run/node";
import { readFormData } from "~/lib/http.server";
import { json } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { FormAlert, TextField } from "~/components/form";
import { getEnv } from "~/lib/env.server";
import { parseForm } from "~/lib/forms";
import { hitRateLimit } from "~/lib/rate-limit.server";
import { useT } from "~/lib/i18n/use-t";
import { clientOf } from "~/lib/request-context";
import { requestPasswordReset } from "~/modules/auth/manage-password.server";
import { ForgotPasswordSchema } from "~/modules/auth/schema";

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(ForgotPasswordSchema, await readFormData(request));
  if (!parsed.ok) return json({ sent: false, ...parsed }, { status: 400 });
  const ip = clientOf(request, context).ip;
  // Limits mail sent to one address and requests from one client, without telling the caller which applied.
  const [byEmail, byIp] = await Promise.all([
    hitRateLimit(`reset:email:${parsed.data.email}`, { limit: 3, windowSeconds: 3600 }),
    hitRateLimit(`reset:ip:${ip ?? "unknown"}`, { limit: 20, windowSeconds: 3600 }),
  ]);
  if (byEmail.allowed && byIp.allowed) {
    await requestPasswordReset({
      email: parsed.data.email,
      publicOrigin: getEnv().PUBLIC_ORIGIN,
      actor: { userId: null, ip },
    });
  }
  return json({
    sent: true,
    ok: true as const,
    values: {} as Record<string, string>,
    fieldErrors: {} as Record<string, string>,
  });
}

export default function ForgotPassword() {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <div className="container narrow">
      <h1>{t("auth.forgot.title")}</h1>
      {result?.sent ? (
        <FormAlert kind="success">{t("auth.forgot.sent")}</FormAlert>
      ) : (
        <Form method="post" className="card form" noValidate>
          <p>{t("auth.forgot.intro")}</p>
          <TextField
            name="email"
            type="email"
            label={t("auth.email")}
            autoComplete="email"
            required
            defaultValue={result?.values?.email}
            error={result?.fieldErrors?.email}
          />
          <button type="submit" className="button button-primary">
            {t("auth.forgot.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}
