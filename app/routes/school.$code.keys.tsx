import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { FormAlert, SelectField, TextField, TextAreaField } from "~/components/form";
import { getEnv } from "~/lib/env.server";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { handleKeysAction, loadKeysPage } from "~/modules/keys/key-pages.server";
import type { AffectedListView, KeysActionResult } from "~/modules/keys/schema";
import { formMessage } from "~/lib/forms";
import { KEY_DIPLOMA_STATUS_LABELS } from "~/modules/diplomas/labels";
import { translateLabel } from "~/lib/labels";
import { type MessageKey } from "~/lib/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "keys.title");

/** The school's administrators see the school's keys, rotate them and report one compromised. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "school:manage-keys",
  });
  return json(await loadKeysPage(organisation, { url: new URL(request.url), origin: getEnv().PUBLIC_ORIGIN }));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const guarded = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "school:manage-keys",
  });
  return handleKeysAction(request, context, guarded);
}

const STATUS_BADGE = {
  active: "status-accredited",
  retired: "status-pending",
  compromised: "status-suspended",
} as const;
const KEY_STATUS_LABELS = {
  active: "keys.status.active",
  retired: "keys.status.retired",
  compromised: "keys.status.compromised",
} as const satisfies Record<keyof typeof STATUS_BADGE, MessageKey>;

function AffectedDiplomas({ list }: { list: AffectedListView }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="affected-title">
      <h2 id="affected-title">{t("keys.affected.title", { key: list.keyRef })}</h2>
      <p>
        {t("keys.affected.intro", { key: list.keyRef })} <DateTime value={list.compromisedFrom} />
      </p>
      {list.total === 0 ? (
        <p className="empty-state">{t("keys.affected.empty")}</p>
      ) : (
        <>
          <p className="muted" role="status">
            {t("keys.affected.count", { total: list.total })}
            {list.diplomas.length < list.total
              ? ` ${t("keys.affected.more", { shown: list.diplomas.length, total: list.total })}`
              : null}
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("keys.affected.col.serial")}</th>
                  <th scope="col">{t("keys.affected.col.register")}</th>
                  <th scope="col">{t("keys.affected.col.name")}</th>
                  <th scope="col">{t("keys.affected.col.signedAt")}</th>
                  <th scope="col">{t("keys.affected.col.status")}</th>
                </tr>
              </thead>
              <tbody>
                {list.diplomas.map((d) => (
                  <tr key={d.id}>
                    <td className="nowrap">{d.serial ?? "—"}</td>
                    <td className="nowrap">
                      {d.registerNumber !== null ? `${d.registerNumber}/${d.registerYear}` : "—"}
                    </td>
                    <td>{d.fullName}</td>
                    <td className="nowrap">
                      <DateTime value={d.signedAt} />
                    </td>
                    <td>{translateLabel(t, KEY_DIPLOMA_STATUS_LABELS, d.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export default function SchoolKeys() {
  const t = useT();
  const { school, keys, affected } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as KeysActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  const rotateErrors = result?.intent === "rotate" && !result.ok ? result.fieldErrors : {};
  const compromiseFailure = result?.intent === "compromise" && !result.ok ? result : null;
  const values = compromiseFailure?.values ?? {};
  const errors = compromiseFailure?.fieldErrors ?? {};
  const reportable = keys.filter((k) => k.status !== "compromised");
  const shownAffected = result?.intent === "compromise" && result.ok ? result.affected : affected;

  return (
    <>
      <h1>{t("keys.title")}</h1>
      <p className="lead">{t("keys.intro")}</p>

      {result?.intent === "rotate" && result.ok ? (
        <FormAlert kind="success">
          {result.retiredKeyRef
            ? t("keys.rotate.done", { active: result.activeKeyRef, retired: result.retiredKeyRef })
            : t("keys.rotate.doneFirst", { active: result.activeKeyRef })}
        </FormAlert>
      ) : null}
      {result?.intent === "compromise" && result.ok ? (
        <FormAlert kind="success">
          {t("keys.compromise.done", { key: result.keyRef })}{" "}
          {result.replacementKeyRef ? t("keys.compromise.replacement", { key: result.replacementKeyRef }) : null}
        </FormAlert>
      ) : null}
      {result && !result.ok && result.formError ? <FormAlert kind="error">{t(result.formError)}</FormAlert> : null}

      <section className="card">
        <dl className="facts">
          <dt>{t("keys.did")}</dt>
          <dd>
            <code>{school.did}</code>
          </dd>
          <dt>{t("keys.didDocument")}</dt>
          <dd>
            <a href={`/issuers/${school.code}/did.json`}>/issuers/{school.code}/did.json</a>
          </dd>
          <dt>{t("keys.trustRegistry")}</dt>
          <dd>
            <a href="/trust-registry.json">/trust-registry.json</a>
          </dd>
        </dl>
      </section>

      {shownAffected ? <AffectedDiplomas list={shownAffected} /> : null}

      <section className="card">
        <h2>{t("keys.listTitle")}</h2>
        {keys.length === 0 ? (
          <p className="empty-state">{t("keys.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("keys.col.key")}</th>
                  <th scope="col">{t("keys.col.status")}</th>
                  <th scope="col">{t("keys.col.dates")}</th>
                  <th scope="col">{t("keys.col.signed")}</th>
                  <th scope="col">{t("keys.col.publicKey")}</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.id}>
                    <td className="nowrap">
                      <code>{k.keyRef}</code>
                    </td>
                    <td>
                      <span className={`status-badge ${STATUS_BADGE[k.status]}`}>{t(KEY_STATUS_LABELS[k.status])}</span>
                    </td>
                    <td>
                      <div>
                        {t("keys.activatedAt")} <DateTime value={k.activatedAt} />
                      </div>
                      {k.retiredAt ? (
                        <div>
                          {t("keys.retiredAt")} <DateTime value={k.retiredAt} />
                        </div>
                      ) : null}
                      {k.compromisedFrom ? (
                        <div>
                          {t("keys.compromisedFrom")} <DateTime value={k.compromisedFrom} />
                          {k.compromiseReason ? <div className="muted prewrap">{k.compromiseReason}</div> : null}
                          <div>
                            <Link to={`?affected=${k.keyRef}`}>{t("keys.affectedLink")}</Link>
                          </div>
                        </div>
                      ) : null}
                    </td>
                    <td>{k.signedCount}</td>
                    <td>
                      <code className="prewrap" style={{ wordBreak: "break-all" }}>
                        {k.publicKeyMultibase}
                      </code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="grid-2">
        <section className="card">
          <h2>{t("keys.rotate.title")}</h2>
          <p className="muted">{t("keys.rotate.intro")}</p>
          {!school.accredited ? (
            <p>{t("keys.rotate.notAccredited")}</p>
          ) : (
            <Form
              method="post"
              className="form"
              noValidate
              key={result?.intent === "rotate" && result.ok ? `rotated-${result.activeKeyRef}` : "rotate"}
            >
              <input type="hidden" name="intent" value="rotate" />
              <div className={`field${rotateErrors.confirm ? " field-invalid" : ""}`}>
                <label className="choice">
                  <input
                    type="checkbox"
                    name="confirm"
                    value="yes"
                    required
                    aria-invalid={rotateErrors.confirm ? true : undefined}
                    aria-describedby={rotateErrors.confirm ? "f-confirm-error" : undefined}
                  />
                  <span>{t("keys.rotate.confirm")}</span>
                </label>
                {rotateErrors.confirm ? (
                  <p className="field-error" id="f-confirm-error">
                    {t(formMessage(rotateErrors.confirm))}
                  </p>
                ) : null}
              </div>
              <div className="form-actions">
                <button type="submit" className="button button-primary" disabled={busy}>
                  {t("keys.rotate.submit")}
                </button>
              </div>
            </Form>
          )}
        </section>

        <section className="card">
          <h2>{t("keys.compromise.title")}</h2>
          <p className="muted">{t("keys.compromise.intro")}</p>
          {reportable.length === 0 ? (
            <p>{t("keys.compromise.none")}</p>
          ) : (
            <Form
              method="post"
              className="form"
              noValidate
              key={result?.intent === "compromise" && result.ok ? `reported-${result.keyRef}` : "compromise"}
            >
              <input type="hidden" name="intent" value="compromise" />
              <SelectField
                name="keyId"
                label={t("keys.compromise.key")}
                defaultValue={values.keyId ?? reportable[0]!.id}
                error={errors.keyId}
                required
              >
                {reportable.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.keyRef} — {t(KEY_STATUS_LABELS[k.status])}
                  </option>
                ))}
              </SelectField>
              <TextField
                name="compromisedFrom"
                type="datetime-local"
                label={t("keys.compromise.from")}
                hint={t("keys.compromise.fromHint")}
                required
                defaultValue={values.compromisedFrom}
                error={errors.compromisedFrom}
              />
              <TextAreaField
                name="reason"
                label={t("keys.compromise.reason")}
                hint={t("keys.compromise.reasonHint")}
                rows={3}
                required
                maxLength={1000}
                defaultValue={values.reason ?? ""}
                error={errors.reason}
              />
              <div className="form-actions">
                <button type="submit" className="button button-danger" disabled={busy}>
                  {t("keys.compromise.submit")}
                </button>
              </div>
            </Form>
          )}
        </section>
      </div>
    </>
  );
}
