import { DateTime } from "~/components/date-time";
import { useT } from "~/lib/i18n/use-t";
import type { CaseStatus } from "~/modules/cases/case-kinds-types";
import { CASE_ACTOR_LABELS, CASE_STATUS_LABELS, caseEventLabel } from "~/modules/cases/labels";

/** One event as the timeline shows it. `internalNote` is only ever passed to the handling staff's page. */
export interface TimelineEvent {
  id: number;
  at: string;
  type: string;
  actorRole: "submitter" | "officer" | "ministry" | "system";
  /** The actor's name, on the staff's page only (the public timeline names roles, never people). */
  actorName?: string | null;
  toStatus: CaseStatus | null;
  publicNote: string | null;
  internalNote?: string | null;
}

/**
 * The one timeline of a case, oldest first: when, what, who (a role, or a name for staff), the status it led to and
 * its note. Used by the public lookup, the submitter's page and the staff's page alike.
 */
export function CaseTimeline({ events }: { events: readonly TimelineEvent[] }) {
  const t = useT();
  return (
    <ol className="case-timeline">
      {events.map((event) => (
        <li key={event.id} className={`case-timeline__event case-timeline__event--${event.type}`}>
          <div className="case-timeline__when">
            <DateTime value={event.at} />
          </div>
          <div className="case-timeline__what">
            <strong>{t(caseEventLabel(event.type))}</strong>
            {event.toStatus ? <span className="status-badge">{t(CASE_STATUS_LABELS[event.toStatus])}</span> : null}
            <span className="case-timeline__who">
              {" · "}
              {t(CASE_ACTOR_LABELS[event.actorRole])}
              {event.actorName ? ` (${event.actorName})` : null}
            </span>
          </div>
          {event.publicNote ? <p className="case-timeline__note">{event.publicNote}</p> : null}
          {event.internalNote ? (
            <p className="case-timeline__note case-timeline__note--internal">
              <em>{t("cases.timeline.internal")}</em> {event.internalNote}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
