/**
 * The officers' queue of open cases (/school/{code}/cases, /admin/cases): its filters, read from the query string,
 * and the sections it shows. Pure, shared by the loaders and the page.
 */
import { z } from "zod";
import type { CaseStatus } from "./case-kinds-types";
import { CASE_KINDS, type CaseKind } from "./case-kinds";
import { OPEN_STATUSES } from "./case-transitions";

export const QUEUE_PAGE_SIZE = 25;

/** overdue: open, not paused, due before today (Vietnam); due_today; then the rest of the open cases by due day. */
export const QUEUE_SECTIONS = ["overdue", "due_today", "open"] as const;
export type QueueSection = (typeof QUEUE_SECTIONS)[number];

/** Who handles the cases the ministry looks at: every case, the ministry's own, or the schools'. */
export const QUEUE_HANDLERS = ["ministry", "schools"] as const;
export type QueueHandler = (typeof QUEUE_HANDLERS)[number];

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v) => ((values as readonly string[]).includes(v ?? "") ? (v as T[number]) : undefined));

const QueueFiltersSchema = z.object({
  kind: optionalEnum(CASE_KINDS as unknown as readonly [CaseKind, ...CaseKind[]]),
  status: optionalEnum(OPEN_STATUSES as unknown as readonly [CaseStatus, ...CaseStatus[]]),
  handler: optionalEnum(QUEUE_HANDLERS),
  school: z
    .string()
    .optional()
    .transform((v) => {
      const code = (v ?? "").trim().toUpperCase();
      return /^[A-Z0-9_-]{1,32}$/.test(code) ? code : undefined;
    }),
  page: z
    .string()
    .optional()
    .transform((v) => {
      const n = Number(v);
      return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
    }),
});

export type QueueFilters = z.infer<typeof QueueFiltersSchema>;

/** The queue's filters from a URL's query string; anything unknown is dropped, never an error. */
export function parseQueueFilters(params: URLSearchParams): QueueFilters {
  return QueueFiltersSchema.parse(Object.fromEntries(params));
}

/** Which section an open case falls in today. */
export function queueSection(dueOn: string | null, paused: boolean, today: string): QueueSection {
  if (!dueOn || paused) return "open";
  if (dueOn < today) return "overdue";
  return dueOn === today ? "due_today" : "open";
}
