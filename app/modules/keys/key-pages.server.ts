import { json } from "@remix-run/node";
import type { Organisation } from "../../../db/schema";
import { getDb } from "~/lib/db.server";
import { formValues, parseForm } from "~/lib/forms";
import { failureReply, readFormData } from "~/lib/http.server";
import { clientOf, type RequestContext } from "~/lib/request-context";
import type { SessionUser } from "~/lib/session.server";
import { issuerDid, verificationMethodId } from "./did-web";
import { markKeyCompromised } from "./mark-key-compromised.server";
import { countDiplomasPerKey, listDiplomasSignedSince, listKeys, type AffectedDiploma } from "./queries.server";
import { rotateSchoolKey } from "./rotate-school-key.server";
import {
  AffectedQuerySchema,
  CompromiseKeySchema,
  RotateKeySchema,
  type AffectedDiplomaView,
  type KeyView,
  type KeysActionResult,
} from "./schema";
import { KEY_FAILURES } from "./failures";

/**
 * The school's keys page, once its route has run the "school:manage-keys" guard: every query and write is scoped
 * to the organisation the guard resolved through the administrator's own role.
 */

/** The page lists at most this many affected diplomas (with the total). */
const AFFECTED_SHOWN = 500;

const toAffectedView = (d: AffectedDiploma): AffectedDiplomaView => ({ ...d, signedAt: d.signedAt.toISOString() });

export async function loadKeysPage(organisation: Organisation, options: { url: URL; origin: string }) {
  const db = await getDb();
  const did = issuerDid(options.origin, organisation.code);
  const [keys, signedCounts] = await Promise.all([
    listKeys(db, organisation.id),
    countDiplomasPerKey(db, organisation.id),
  ]);
  const views: KeyView[] = keys
    .map((k) => ({
      id: k.id,
      keyRef: k.keyRef,
      verificationMethod: verificationMethodId(did, k.keyRef),
      status: k.status,
      publicKeyMultibase: k.publicKeyMultibase,
      activatedAt: k.activatedAt.toISOString(),
      retiredAt: k.retiredAt?.toISOString() ?? null,
      compromisedFrom: k.compromisedFrom?.toISOString() ?? null,
      compromiseReason: k.compromiseReason,
      signedCount: signedCounts.get(k.id) ?? 0,
    }))
    .reverse(); // newest first

  const { affected: affectedRef } = AffectedQuerySchema.parse(Object.fromEntries(options.url.searchParams));
  const compromised = keys.find((k) => k.keyRef === affectedRef && k.status === "compromised" && k.compromisedFrom);
  const affected = compromised
    ? await listDiplomasSignedSince(db, {
        organisationId: organisation.id,
        keyId: compromised.id,
        since: compromised.compromisedFrom!,
        limit: AFFECTED_SHOWN,
      })
    : null;

  return {
    school: { code: organisation.code, accredited: organisation.status === "accredited", did },
    keys: views,
    affected:
      compromised && affected
        ? {
            keyRef: compromised.keyRef,
            compromisedFrom: compromised.compromisedFrom!.toISOString(),
            total: affected.total,
            diplomas: affected.diplomas.map(toAffectedView),
          }
        : null,
  };
}

/** The rotate and report-compromise forms. The caller's guard checked "school:manage-keys" in `organisation`. */
export async function handleKeysAction(
  request: Request,
  context: Partial<RequestContext> | undefined,
  guarded: { session: SessionUser; organisation: Organisation },
) {
  const { session, organisation } = guarded;
  const form = await readFormData(request);
  const actor = { userId: session.user.id, ip: clientOf(request, context).ip };
  const reply = (body: KeysActionResult, status = 200) => json(body, { status });
  const db = await getDb();

  if (form.get("intent") === "rotate") {
    const parsed = parseForm(RotateKeySchema, form);
    if (!parsed.ok) return reply({ intent: "rotate", ok: false, fieldErrors: parsed.fieldErrors }, 400);
    const result = await rotateSchoolKey(db, { organisationId: organisation.id, actor });
    if (!result.ok)
      return failureReply<KeysActionResult>(KEY_FAILURES[result.code], {
        intent: "rotate",
        ok: false,
        fieldErrors: {},
      });
    return reply({
      intent: "rotate",
      ok: true,
      activeKeyRef: result.value.active.keyRef,
      retiredKeyRef: result.value.retired?.keyRef ?? null,
    });
  }

  const parsed = parseForm(CompromiseKeySchema, form);
  if (!parsed.ok)
    return reply({ intent: "compromise", ok: false, values: parsed.values, fieldErrors: parsed.fieldErrors }, 400);
  const result = await markKeyCompromised(db, {
    organisationId: organisation.id,
    keyId: parsed.data.keyId,
    compromisedFrom: parsed.data.compromisedFrom,
    reason: parsed.data.reason,
    actor,
  });
  if (!result.ok) {
    const failure = KEY_FAILURES[result.code];
    // Field errors, when there are some, say it by the field; the form's message would repeat them.
    return reply(
      {
        intent: "compromise",
        ok: false,
        values: formValues(form),
        fieldErrors: result.fieldErrors ?? {},
        formError: result.fieldErrors ? undefined : failure.message,
      },
      failure.status,
    );
  }
  const { key, replacement, affected } = result.value;
  return reply({
    intent: "compromise",
    ok: true,
    keyRef: key.keyRef,
    replacementKeyRef: replacement?.keyRef ?? null,
    affected: {
      keyRef: key.keyRef,
      compromisedFrom: parsed.data.compromisedFrom.toISOString(),
      total: affected.total,
      diplomas: affected.diplomas.slice(0, AFFECTED_SHOWN).map(toAffectedView),
    },
  });
}
