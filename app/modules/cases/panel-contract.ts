/**
 * How the kinds' own modules plug into the staff's case page (/cases/{code}/handle, which the case core owns): each
 * family has a loader of its panel's data, an action for its own intents (a form's `intent` field starting with
 * "service." or "feedback."), and a panel component. The page calls them; they never import the page. Pure types.
 */
import type { Case } from "../../../db/schema/cases";
import type { MessageKey } from "~/lib/i18n";
import type { CaseScope } from "./queries.server";

/** Who is looking at or acting on the case: an officer of the handling school, or the ministry. */
export interface PanelViewer {
  userId: string;
  role: "officer" | "ministry";
  scope: CaseScope;
  /** The viewer's school (officers), null for the ministry. */
  organisationId: string | null;
}

export interface PanelIntentArgs {
  /** The form's `intent`, e.g. "service.deliver_copy". */
  intent: string;
  form: FormData;
  /** The case, as loaded within the viewer's scope (the intent's use-case locks it again). */
  kase: Case;
  viewer: PanelViewer;
  origin: string;
  ip: string | null;
}

/** What an intent answers: a notice for the page, or a failure with its HTTP status and message. */
export type PanelIntentResult =
  | { ok: true; notice: MessageKey }
  | { ok: false; status: number; message: MessageKey; fieldErrors?: Record<string, string> };
