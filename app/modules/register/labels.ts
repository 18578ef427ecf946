import type { MessageKey } from "~/lib/i18n";
import type { RegisterEntryKind } from "../../../db/schema/diplomas";
import type { RegisterSort } from "./schema";

/** The name of each kind of entry of the original register, and of each order of the register page. */
export const REGISTER_KIND_LABELS = {
  issue: "register.kind.issue",
  revoke: "register.kind.revoke",
  suspend: "register.kind.suspend",
  reinstate: "register.kind.reinstate",
  correct: "register.kind.correct",
  reissue: "register.kind.reissue",
} as const satisfies Record<RegisterEntryKind, MessageKey>;

export const REGISTER_SORT_LABELS = {
  newest: "register.sort.newest",
  number: "register.sort.number",
} as const satisfies Record<RegisterSort, MessageKey>;
