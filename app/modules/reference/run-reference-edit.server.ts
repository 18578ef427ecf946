import { json, redirect, type AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import { getDb, type Database } from "~/lib/db.server";
import { formValues, parseForm, type FormFailure } from "~/lib/forms";
import type { SessionUser } from "~/lib/session.server";
import { notFound, readFormData } from "~/lib/http.server";
import { clientOf } from "~/lib/request-context";
import type { Result } from "~/lib/result";
import type { AuditActor } from "~/modules/audit/record-audit.server";
import { referenceFailure } from "./failures";

export interface ReferenceEdit<S extends z.ZodTypeAny, T> {
  request: Request;
  context: AppLoadContext | undefined;
  /**
   * What `requirePermission(request, "reference:edit")` returned. The route guards before calling this
   * helper; the session is only used here to record who made the change.
   */
  session: SessionUser;
  /** The submitted form, when the route already read it (to pick a schema or an intent); else it is read here. */
  form?: FormData;
  schema: S;
  /** The use-case: gets the parsed input, the acting user and the raw form (for e.g. a hidden `mode`). */
  save: (db: Database, edit: { input: z.infer<S>; actor: AuditActor; form: FormData }) => Promise<Result<T>>;
  /** Where to go after a successful save (usually the list, with `?saved=`). */
  redirectTo: (value: T, input: z.infer<S>) => string;
  /** A `not_found` failure is a form error ("form", the default) or the page's 404 ("404"). */
  notFound?: "form" | "404";
}

/** The hidden `mode` of a form that both adds and edits rows: "create" only when it says so. */
export function formMode(form: FormData): "create" | "update" {
  return form.get("mode") === "create" ? "create" : "update";
}

/**
 * The action of a reference-data edit form: parse the form, run the use-case as the signed-in user,
 * answer a rejected edit with the form's values and errors (status and message from REFERENCE_FAILURES),
 * redirect after a successful one.
 */
export async function runReferenceEdit<S extends z.ZodTypeAny, T>(edit: ReferenceEdit<S, T>) {
  const { request, context, session } = edit;
  const form = edit.form ?? (await readFormData(request));
  const parsed = parseForm(edit.schema, form);
  if (!parsed.ok) return json<FormFailure>(parsed, { status: 400 });
  const result = await edit.save(await getDb(), {
    input: parsed.data,
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
    form,
  });
  if (!result.ok) {
    if (result.code === "not_found" && edit.notFound === "404") throw notFound();
    const failure = referenceFailure(result.code);
    // Field errors, when there are some, say it by the field; the form's message would repeat them.
    return json<FormFailure>(
      {
        values: formValues(form),
        fieldErrors: result.fieldErrors ?? {},
        formError: result.fieldErrors ? undefined : failure.message,
      },
      { status: failure.status },
    );
  }
  return redirect(edit.redirectTo(result.value, parsed.data));
}
