/** The public names of a case's outcomes (the public lookup). Pure. */
import type { MessageKey } from "~/lib/i18n";

export const PUBLIC_OUTCOME_LABELS = {
  answered: "casePublic.outcome.answered",
  genuine: "casePublic.outcome.genuine",
  fake: "casePublic.outcome.fake",
  delivered_electronic: "casePublic.outcome.delivered_electronic",
  delivered_post: "casePublic.outcome.delivered_post",
  corrected: "casePublic.outcome.corrected",
  refused: "casePublic.outcome.refused",
  merged: "casePublic.outcome.merged",
  withdrawn: "casePublic.outcome.withdrawn",
} as const satisfies Record<string, MessageKey>;
