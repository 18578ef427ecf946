import type { MessageKey } from "~/lib/i18n";
import type { ConsentPurpose } from "../../../db/schema/jobs";

/** Each consent a graduate gives or withdraws: its name and its explanation. */
export const CONSENT_LABELS = {
  visible_to_employers: {
    title: "graduates.consent.visible_to_employers",
    hint: "graduates.consent.visible_to_employers.hint",
  },
  may_be_contacted: { title: "graduates.consent.may_be_contacted", hint: "graduates.consent.may_be_contacted.hint" },
  share_diplomas: { title: "graduates.consent.share_diplomas", hint: "graduates.consent.share_diplomas.hint" },
} as const satisfies Record<ConsentPurpose, { title: MessageKey; hint: MessageKey }>;

/** The notice after an action on the graduate's profile or saved searches (`?notice=`). */
export const GRADUATE_NOTICE_LABELS = {
  granted: "graduates.notice.granted",
  withdrawn: "graduates.notice.withdrawn",
  saved: "graduates.notice.saved",
  searchSaved: "graduates.notice.searchSaved",
  searchDeleted: "graduates.notice.searchDeleted",
  searchNameMissing: "graduates.notice.searchNameMissing",
} as const satisfies Record<string, MessageKey>;

/** Each kind of notification in the graduate's list. */
export const NOTIFICATION_LABELS = {
  application_status: "graduates.notifications.application_status",
  invitation: "graduates.notifications.invitation",
  job_alert: "graduates.notifications.job_alert",
} as const satisfies Record<string, MessageKey>;
