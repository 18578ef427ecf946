import { Link, useFetcher } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { FormAlert } from "~/components/form";
import type { MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { TRAINING_LEVELS } from "~/modules/reference/levels";
import type { ProgrammeRequestStatus } from "~/modules/programme-requests/schema";

export const PROGRAMME_REQUEST_STATUS_KEYS = {
  pending: "programmeRequests.status.pending",
  added: "programmeRequests.status.added",
  refused: "programmeRequests.status.refused",
} as const satisfies Record<ProgrammeRequestStatus, MessageKey>;

/** The level's name in the page's language ("—" when the request named none). */
export function useLevelName(): (code: string | null) => string {
  const locale = useLocale();
  return (code) => {
    const level = TRAINING_LEVELS.find((l) => l.code === code);
    return level ? (locale === "vi" ? level.nameVi : level.nameEn) : "—";
  };
}

/** What the school's request action answers. */
export type ProgrammeRequestActionData =
  | { ok: true; created: boolean; programmeCode: string; status: ProgrammeRequestStatus }
  | { ok: false; error: MessageKey; fieldErrors?: Record<string, string>; values?: Record<string, string> };

/**
 * The import report's one-click request for an unknown programme code. With JavaScript the answer shows in place
 * (several codes may be asked for without leaving the report); without it the form posts to the school's
 * request page, which shows the answer.
 */
export function ProgrammeRequestButton({
  action,
  programmeCode,
  level,
}: {
  action: string;
  programmeCode: string;
  level?: string;
}) {
  const t = useT();
  const fetcher = useFetcher<ProgrammeRequestActionData>();
  const data = fetcher.data;
  if (data?.ok) {
    return (
      <p className="programme-request-sent" role="status">
        {t(data.created ? "programmeRequests.sent" : "programmeRequests.already", {
          code: data.programmeCode,
          status: t(PROGRAMME_REQUEST_STATUS_KEYS[data.status]),
        })}{" "}
        <Link to={action}>{t("programmeRequests.seeAll")}</Link>
      </p>
    );
  }
  return (
    <fetcher.Form method="post" action={action} className="inline-form">
      <input type="hidden" name="programmeCode" value={programmeCode} />
      {level ? <input type="hidden" name="level" value={level} /> : null}
      <button type="submit" className="button button-small" disabled={fetcher.state !== "idle"}>
        {fetcher.state !== "idle" ? t("programmeRequests.requesting") : t("programmeRequests.request")}
      </button>
      {data && !data.ok ? <span className="field-error"> {t(data.error)}</span> : null}
    </fetcher.Form>
  );
}

export interface SchoolProgrammeRequestRow {
  id: string;
  programmeCode: string;
  programmeName: string | null;
  levelCode: string | null;
  status: ProgrammeRequestStatus;
  adminNote: string | null;
  createdAt: string;
}

/** The school's requests and the ministry's answers. */
export function SchoolProgrammeRequests({ requests }: { requests: SchoolProgrammeRequestRow[] }) {
  const t = useT();
  const levelName = useLevelName();
  if (requests.length === 0) return <p className="muted">{t("programmeRequests.empty")}</p>;
  return (
    <div className="table-wrap">
      <table className="programme-requests">
        <thead>
          <tr>
            <th scope="col">{t("programmeRequests.col.code")}</th>
            <th scope="col">{t("programmeRequests.col.name")}</th>
            <th scope="col">{t("programmeRequests.col.level")}</th>
            <th scope="col">{t("programmeRequests.col.createdAt")}</th>
            <th scope="col">{t("programmeRequests.col.status")}</th>
            <th scope="col">{t("programmeRequests.col.note")}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={r.id} data-programme-request={r.programmeCode} data-status={r.status}>
              <th scope="row">{r.programmeCode}</th>
              <td>{r.programmeName ?? "—"}</td>
              <td>{levelName(r.levelCode)}</td>
              <td>
                <DateTime value={r.createdAt} dateOnly />
              </td>
              <td>{t(PROGRAMME_REQUEST_STATUS_KEYS[r.status])}</td>
              <td className="prewrap">{r.adminNote ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A notice for the answer of a request made without JavaScript. */
export function ProgrammeRequestNotice({ data }: { data: ProgrammeRequestActionData | undefined }) {
  const t = useT();
  if (!data) return null;
  if (!data.ok) return <FormAlert kind="error">{t(data.error)}</FormAlert>;
  return (
    <FormAlert kind="success">
      {t(data.created ? "programmeRequests.sent" : "programmeRequests.already", {
        code: data.programmeCode,
        status: t(PROGRAMME_REQUEST_STATUS_KEYS[data.status]),
      })}
    </FormAlert>
  );
}
