/**
 * The online diploma services' part of the staff's case page (app/modules/cases/panel-contract.ts): the panel's
 * data and the services' own intents (deliver a certified copy, sign a confirmation letter, start a correction…).
 */
import type { Case } from "../../../db/schema/cases";
import type { Executor } from "~/lib/db.server";
import type { PanelIntentArgs, PanelIntentResult, PanelViewer } from "~/modules/cases/panel-contract";
import type { ServicePanelData } from "./panel-data";

export async function loadServicePanel(
  _db: Executor,
  _kase: Case,
  _viewer: PanelViewer,
): Promise<ServicePanelData | null> {
  return null;
}

/** Handles a "service.*" intent; null when the intent is not one of the services'. */
export async function handleServiceIntent(_db: Executor, _args: PanelIntentArgs): Promise<PanelIntentResult | null> {
  return null;
}
