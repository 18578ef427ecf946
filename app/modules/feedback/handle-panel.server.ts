/**
 * Feedback's part of the staff's case page (app/modules/cases/panel-contract.ts): the panel's data and its own
 * intents (sign the answer, publish it in the Q&A library…).
 */
import type { Case } from "../../../db/schema/cases";
import type { Executor } from "~/lib/db.server";
import type { PanelIntentArgs, PanelIntentResult, PanelViewer } from "~/modules/cases/panel-contract";
import type { FeedbackPanelData } from "./panel-data";

export async function loadFeedbackPanel(
  _db: Executor,
  _kase: Case,
  _viewer: PanelViewer,
): Promise<FeedbackPanelData | null> {
  return null;
}

/** Handles a "feedback.*" intent; null when the intent is not one of feedback's. */
export async function handleFeedbackIntent(_db: Executor, _args: PanelIntentArgs): Promise<PanelIntentResult | null> {
  return null;
}
