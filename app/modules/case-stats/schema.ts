/**
 * The statistics report's filters, from the query string: the page and its CSV, XLSX and signed PDF read the same
 * one. A bad value is dropped (the default takes its place), never a 500; a period turned round is put right.
 */
import { z } from "zod";
import { CASE_KINDS, type CaseKind } from "../../../db/schema/cases";

/** The ministry as a handler in the organisation filter (cases with no school). */
export const MINISTRY_FILTER = "ministry";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v))
  .refine((v) => v >= "2000-01-01" && v <= "2199-12-31");

const StatsQuerySchema = z.object({
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  kind: z.enum(CASE_KINDS).optional().catch(undefined),
  topic: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}_ .-]{1,64}$/u)
    .optional()
    .catch(undefined),
  /** A school's code, or "ministry". */
  organisation: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional()
    .catch(undefined),
});

export interface CaseStatsQuery {
  from: string;
  to: string;
  kind?: CaseKind;
  topic?: string;
  organisation?: string;
}

/** `today` is the Vietnam calendar day: the default period is its year, 1 January to 31 December. */
export function parseCaseStatsQuery(params: URLSearchParams, today: string): CaseStatsQuery {
  const value = (name: string) => params.get(name) || undefined;
  const parsed = StatsQuerySchema.parse({
    from: value("from"),
    to: value("to"),
    kind: value("kind"),
    topic: value("topic"),
    organisation: value("organisation"),
  });
  const year = today.slice(0, 4);
  let from = parsed.from ?? `${year}-01-01`;
  let to = parsed.to ?? `${year}-12-31`;
  if (from > to) [from, to] = [to, from];
  return {
    from,
    to,
    ...(parsed.kind ? { kind: parsed.kind } : {}),
    ...(parsed.topic ? { topic: parsed.topic } : {}),
    ...(parsed.organisation ? { organisation: parsed.organisation } : {}),
  };
}

/** The filters as a query string, for the export links. */
export function caseStatsParams(query: CaseStatsQuery, options: { withOrganisation: boolean }): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.kind) params.set("kind", query.kind);
  if (query.topic) params.set("topic", query.topic);
  if (options.withOrganisation && query.organisation) params.set("organisation", query.organisation);
  return params.toString();
}

/** A file name for an export: thong-ke-ho-so-{who}-{from}-{to}.{ext}. */
export function caseStatsFilename(who: string, query: CaseStatsQuery, extension: "csv" | "xlsx" | "pdf"): string {
  const safe = who.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 40) || "bo";
  return `thong-ke-ho-so-${safe}-${query.from}-${query.to}.${extension}`;
}
