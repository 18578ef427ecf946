import type { MessageKey } from "~/lib/i18n";

/** Where a programme's row comes from, and the state of a crosswalk pair, as the reference pages name them. */
export const PROGRAMME_SOURCE_LABELS = {
  sourced: "reference.source.sourced",
  unverified: "reference.source.unverified",
  imported: "reference.source.imported",
  admin: "reference.source.admin",
} as const satisfies Record<string, MessageKey>;

export const CROSSWALK_STATUS_LABELS = {
  proposed: "reference.crosswalk.status.proposed",
  confirmed: "reference.crosswalk.status.confirmed",
} as const satisfies Record<string, MessageKey>;
