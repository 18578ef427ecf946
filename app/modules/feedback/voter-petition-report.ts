/**
 * Voters' petitions (kiến nghị cử tri) grouped by National Assembly session (kỳ họp), and the per-session report:
 * how many were answered before the session opened, how many after, how many are still open. Pure, with its CSV.
 * A session's opening date is entered with each petition (details.sessionOpensOn); the report takes the latest
 * date entered for the session.
 */
import { csvCell } from "~/modules/documents/register-csv";

/** "XV-10": the legislature in Roman numerals, then the session number. */
export const SESSION_PATTERN = /^[IVXL]{1,6}-\d{1,2}$/;

export interface VoterPetitionRow {
  code: string;
  session: string | null;
  sessionOpensOn: string | null;
  deputy: string;
  province: string;
  title: string;
  status: string;
  receivedOn: string;
  /** The Asia/Ho_Chi_Minh day it was answered (resolved), or null. */
  answeredOn: string | null;
}

export interface SessionReport {
  session: string;
  opensOn: string | null;
  total: number;
  answeredBefore: number;
  answeredAfter: number;
  open: number;
  petitions: VoterPetitionRow[];
}

/** Sessions, latest first (by opening date, then code), each with its counts and petitions. */
export function reportBySession(rows: readonly VoterPetitionRow[]): SessionReport[] {
  const bySession = new Map<string, VoterPetitionRow[]>();
  for (const row of rows) {
    const key = row.session ?? "—";
    bySession.set(key, [...(bySession.get(key) ?? []), row]);
  }
  const reports: SessionReport[] = [];
  for (const [session, petitions] of bySession) {
    const opensOn =
      petitions
        .map((p) => p.sessionOpensOn)
        .filter((d): d is string => Boolean(d))
        .sort()
        .pop() ?? null;
    let answeredBefore = 0;
    let answeredAfter = 0;
    let open = 0;
    for (const p of petitions) {
      if (p.answeredOn) {
        if (opensOn && p.answeredOn < opensOn) answeredBefore++;
        else answeredAfter++;
      } else if (["received", "in_progress", "awaiting_submitter"].includes(p.status)) open++;
    }
    reports.push({ session, opensOn, total: petitions.length, answeredBefore, answeredAfter, open, petitions });
  }
  return reports.sort((a, b) => (b.opensOn ?? "").localeCompare(a.opensOn ?? "") || b.session.localeCompare(a.session));
}

const HEADER = [
  "Kỳ họp",
  "Ngày khai mạc",
  "Tổng số kiến nghị",
  "Trả lời trước kỳ họp",
  "Trả lời sau khai mạc",
  "Chưa trả lời",
];

/** The per-session report as CSV (UTF-8 with BOM, CRLF, cells safe from formula injection). */
export function sessionReportCsv(reports: readonly SessionReport[]): string {
  const lines = [HEADER.map(csvCell).join(",")];
  for (const r of reports)
    lines.push(
      [r.session, r.opensOn ?? "", String(r.total), String(r.answeredBefore), String(r.answeredAfter), String(r.open)]
        .map(csvCell)
        .join(","),
    );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
