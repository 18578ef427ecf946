import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { FormAlert } from "~/components/form";
import { useT } from "~/lib/i18n/use-t";
import { clientOf } from "~/lib/request-context";
import { confirmEmail } from "~/modules/auth/manage-password.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  if (token) {
    const result = await confirmEmail({ token, actor: { userId: null, ip: clientOf(request, context).ip } });
    if (result.ok) throw redirect("/sign-in?notice=confirmed");
  }
  return json({ ok: false }, { status: 400 });
}

export default function ConfirmEmail() {
  const t = useT();
  return (
    <div className="container narrow">
      <h1>{t("auth.signIn.title")}</h1>
      <FormAlert kind="error">{t("auth.confirm.bad")}</FormAlert>
      <p>
        <Link to="/sign-in">{t("nav.signIn")}</Link>
      </p>
    </div>
  );
}
