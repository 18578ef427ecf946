import type { MessageKey } from "~/lib/i18n";
import type { StatusPurpose } from "../../../db/schema/diplomas";

/** The name of each status list an issuer publishes. */
export const STATUS_LIST_LABELS = {
  revocation: "issuer.statusList.revocation",
  suspension: "issuer.statusList.suspension",
} as const satisfies Record<StatusPurpose, MessageKey>;
