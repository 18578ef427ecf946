import { and, eq } from "drizzle-orm";
import { organisations, type OrganisationStatus } from "../../../db/schema";
import { type Database, withDefaultDb } from "~/lib/db.server";
import { announceRegistryChange } from "~/lib/registry-changes.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { ensureSchoolKey } from "~/modules/keys/ensure-school-key.server";
import { getKeyRing, MissingKekError } from "~/modules/keys/key-encryption.server";
import { getEnv } from "~/lib/env.server";
import { vietnamDate } from "~/lib/format-time";
import { enqueueMail } from "~/modules/mail/enqueue-mail.server";
import { listOrganisationMailRecipients } from "./queries.server";
import { planStatusChange, statusChangeAction, type StatusChange, type StatusChangeError } from "./organisation-status";

export interface ChangeOrganisationStatusOptions {
  organisationId: string;
  change: StatusChange;
  reason?: string | null;
  /** The ministry administrator (the route's guard checked "organisations:accredit"). */
  actor: AuditActor & { userId: string };
  /** For the link in the mail to the organisation; PUBLIC_ORIGIN by default. */
  publicOrigin?: string;
  now?: Date;
}

export type ChangeOrganisationStatusError = StatusChangeError | "not_found" | "signing_keys_unavailable";

/**
 * The ministry accredits, rejects, suspends or reinstates a school or employer. The new status and its audit row
 * are written in one transaction; the row is locked so that two administrators deciding at once cannot both
 * apply a transition from the same starting status.
 */
export const changeOrganisationStatus = withDefaultDb(async function changeOrganisationStatus(
  db: Database,
  options: ChangeOrganisationStatusOptions,
): Promise<Result<{ from: OrganisationStatus; to: OrganisationStatus }, ChangeOrganisationStatusError>> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        status: organisations.status,
        kind: organisations.kind,
        code: organisations.code,
        name: organisations.name,
      })
      .from(organisations)
      .where(eq(organisations.id, options.organisationId))
      .for("update");
    if (!current) return fail("not_found");

    const plan = planStatusChange(current.status, options.change, options.reason);
    if (!plan.ok) return plan;
    const { from, to, reason } = plan.value;
    // An accredited school gets its signing key below, sealed under KEY_ENCRYPTION_KEY: without it (a production
    // server misconfigured) the school is not accredited rather than accredited without a key.
    if (current.kind === "school" && to === "accredited" && !signingKeysAvailable())
      return fail("signing_keys_unavailable");

    const updated = await tx
      .update(organisations)
      .set({
        status: to,
        statusReason: reason,
        statusChangedAt: options.now ?? new Date(),
        statusChangedBy: options.actor.userId,
      })
      .where(and(eq(organisations.id, options.organisationId), eq(organisations.status, from)))
      .returning({ id: organisations.id });
    if (updated.length === 0) return fail("invalid_transition");
    await announceRegistryChange(tx, "organisation"); // a school's accreditation: every process's trust data

    await recordAudit(tx, options.actor, {
      action: statusChangeAction(options.change),
      entityType: "organisation",
      entityId: options.organisationId,
      organisationId: options.organisationId,
      details: { kind: current.kind, code: current.code, from, to, reason },
    });
    // An accredited school signs diplomas: it gets its key in this same transaction (a no-op if it has one).
    if (current.kind === "school" && to === "accredited") {
      await ensureSchoolKey(tx, {
        organisationId: options.organisationId,
        actor: options.actor,
        reason: "accreditation",
      });
    }
    // The organisation's people are told, with the reason, in this transaction (a required mail category).
    if (to !== "pending") {
      const origin = options.publicOrigin ?? getEnv().PUBLIC_ORIGIN;
      for (const person of await listOrganisationMailRecipients(tx, options.organisationId)) {
        await enqueueMail(tx, {
          to: person.email,
          locale: person.locale === "en" ? "en" : "vi",
          recipientUserId: person.id,
          template: {
            name: "organisation_status",
            params: {
              fullName: person.fullName,
              organisation: current.name,
              kind: current.kind,
              status: to,
              reason,
              date: vietnamDate(options.now),
              link: `${origin}/${current.kind}/${current.code}`,
            },
          },
        });
      }
    }
    return ok({ from, to });
  });
});

function signingKeysAvailable(): boolean {
  try {
    getKeyRing();
    return true;
  } catch (error) {
    if (error instanceof MissingKekError) return false;
    throw error;
  }
}
