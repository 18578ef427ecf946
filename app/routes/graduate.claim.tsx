import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormAlert, TextField } from "~/components/form";
import { formValues, parseForm, type FormFailure } from "~/lib/forms";
import { requirePermission } from "~/lib/guards.server";
import { failureReply, readFormData, retryAfterHeaders } from "~/lib/http.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { claimDiploma, CLAIM_RATE_LIMITS } from "~/modules/diplomas/claim-diploma.server";
import { DIPLOMA_FAILURES } from "~/modules/diplomas/failures";
import { ClaimSchema } from "~/modules/diplomas/issued-schema";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "issued.claim.title"),
  { name: "robots", content: "noindex" },
];

type ClaimFailure = FormFailure & { formErrorParams?: Record<string, string> };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "graduate:own-profile");
  return json({ attempts: CLAIM_RATE_LIMITS.perUser.limit });
}

/**
 * A graduate claims a diploma with the school's claim code, their personal ID number and date of birth. A mismatch
 * gets one message whichever of the three was wrong; attempts are rate-limited per account and per address.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "graduate:own-profile");
  const form = await readFormData(request);
  const parsed = parseForm(ClaimSchema, form);
  if (!parsed.ok)
    return json<FormFailure>(
      { values: parsed.values, fieldErrors: parsed.fieldErrors, formError: "issued.form.fix" },
      { status: 400 },
    );
  const result = await claimDiploma({
    input: parsed.data,
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
  });
  if (!result.ok) {
    // An old slip's code: say that a replacement exists and how to claim it (the person proved all three inputs).
    const formErrorParams = result.superseded
      ? { old: result.superseded.oldSerial, new: result.superseded.newSerial, school: result.superseded.schoolName }
      : undefined;
    return failureReply<ClaimFailure>(
      DIPLOMA_FAILURES.claim[result.code],
      {
        values: formValues(form),
        fieldErrors: {},
        formErrorParams,
      },
      retryAfterHeaders(result.retryAfterSeconds),
    );
  }
  return redirect(
    `/graduate/diplomas/${result.value.diplomaId}?notice=${result.value.alreadyYours ? "already" : "claimed"}`,
  );
}

export default function ClaimDiploma() {
  const t = useT();
  const { attempts } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};
  return (
    <div className="container narrow">
      <p>
        <Link to="/graduate">{t("issued.graduate.back")}</Link>
      </p>
      <h1>{t("issued.claim.title")}</h1>
      <p className="lead">{t("issued.claim.intro")}</p>
      {failure?.formError ? (
        <FormAlert kind="error">
          {t(failure.formError, "formErrorParams" in failure ? failure.formErrorParams : undefined)}
        </FormAlert>
      ) : null}
      <Form method="post" className="form card" noValidate>
        <TextField
          name="claimCode"
          label={t("issued.claim.code")}
          hint={t("issued.claim.codeHint")}
          defaultValue={values.claimCode ?? ""}
          error={errors.claimCode}
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
        />
        <TextField
          name="personalId"
          label={t("issued.claim.personalId")}
          hint={t("issued.claim.personalIdHint")}
          defaultValue={values.personalId ?? ""}
          error={errors.personalId}
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={14}
        />
        <TextField
          name="dateOfBirth"
          type="date"
          label={t("issued.claim.dateOfBirth")}
          defaultValue={values.dateOfBirth ?? ""}
          error={errors.dateOfBirth}
          required
          autoComplete="bday"
        />
        <p className="muted">{t("issued.claim.attemptsNote", { limit: attempts })}</p>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("issued.claim.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
