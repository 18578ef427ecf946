import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FormAlert, TextField } from "~/components/form";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { normaliseCaseCode } from "~/modules/cases/case-kinds";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "casePublic.lookup.title");

/** GET /cases?code=…: the lookup form; a typed code (any case, spaces, dashes) goes to its public page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const typed = (new URL(request.url).searchParams.get("code") ?? "").slice(0, 60);
  if (!typed.trim()) return json({ typed: "", invalid: false });
  const code = normaliseCaseCode(typed);
  if (code) return redirect(`/cases/${code}`);
  return json({ typed, invalid: true }, { status: 400 });
}

export default function CaseLookup() {
  const t = useT();
  const { typed, invalid } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow">
      <h1>{t("casePublic.lookup.title")}</h1>
      <p className="lead">{t("casePublic.lookup.intro")}</p>
      {invalid ? <FormAlert kind="error">{t("casePublic.lookup.invalid")}</FormAlert> : null}
      <Form method="get" className="form">
        <TextField
          name="code"
          label={t("casePublic.lookup.code")}
          hint={t("casePublic.lookup.codeHint")}
          defaultValue={typed}
          maxLength={60}
          autoComplete="off"
          required
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("casePublic.lookup.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
