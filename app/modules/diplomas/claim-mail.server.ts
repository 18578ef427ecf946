import type { Executor } from "~/lib/db.server";
import { enqueueMail } from "~/modules/mail/enqueue-mail.server";
import { formatDateVi } from "~/modules/reference/cell-values";
import { claimCodeOf } from "./claim-code.server";

/**
 * The claim-code mail of signing: each graduate with an address (class-list data) gets, in Vietnamese, the claim code
 * of their new diploma, in the signing transaction.
 */

export interface ClaimMailRow {
  diplomaId: string;
  email: string | null;
  fullName: string;
  programmeName: string;
  serial: string;
  issueDate: string;
  replacesSerial: string | null;
}

/** Each graduate with an address gets the claim code of their new diploma (a correction's too). Returns the count. */
export async function mailClaimCodes(
  tx: Executor,
  options: { schoolName: string; publicOrigin: string; rows: readonly ClaimMailRow[] },
): Promise<number> {
  let sent = 0;
  for (const r of options.rows) {
    if (!r.email) continue;
    await enqueueMail(tx, {
      to: r.email,
      locale: "vi",
      template: {
        name: "diploma_claim_code",
        params: {
          fullName: r.fullName,
          schoolName: options.schoolName,
          programmeName: r.programmeName,
          serial: r.serial,
          issueDate: formatDateVi(r.issueDate),
          claimCode: claimCodeOf(r.diplomaId),
          link: `${options.publicOrigin}/graduate/claim`,
          replacesSerial: r.replacesSerial,
        },
      },
    });
    sent++;
  }
  return sent;
}
