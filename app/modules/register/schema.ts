import { z } from "zod";
import { REGISTER_ENTRY_KINDS, type RegisterEntryKind } from "../../../db/schema/diplomas";

export const REGISTER_PAGE_SIZE = 50;
export const REGISTER_SORTS = ["newest", "number"] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

/**
 * The original register's search, from the query string (the page and its CSV/PDF exports read the same one).
 * A bad value is dropped, never a 500.
 */
const RegisterQuerySchema = z.object({
  /** A name (diacritics optional), a serial, or a register number ("12" or "12/2026"). */
  q: z
    .string()
    .transform((v) => v.normalize("NFC").replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1).max(100))
    .optional()
    .catch(undefined),
  year: z.coerce.number().int().min(1900).max(2200).optional().catch(undefined),
  programme: z
    .string()
    .regex(/^\d{7,8}$/)
    .optional()
    .catch(undefined),
  kind: z.enum(REGISTER_ENTRY_KINDS).optional().catch(undefined),
  sort: z.enum(REGISTER_SORTS).catch("newest").default("newest"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export interface RegisterFilters {
  q?: string;
  year?: number;
  programme?: string;
  kind?: RegisterEntryKind;
}

export type RegisterQuery = RegisterFilters & { sort: RegisterSort; page: number };

export function parseRegisterQuery(params: URLSearchParams): RegisterQuery {
  const value = (name: string) => params.get(name) || undefined;
  return RegisterQuerySchema.parse({
    q: value("q"),
    year: value("year"),
    programme: value("programme"),
    kind: value("kind"),
    sort: value("sort"),
    page: value("page"),
  });
}

/** The filters as a query string (without the page), for the export links. */
export function registerFilterParams(filters: RegisterFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.year) params.set("year", String(filters.year));
  if (filters.programme) params.set("programme", filters.programme);
  if (filters.kind) params.set("kind", filters.kind);
  return params.toString();
}

/** How a register search is read: "12/2026" a register number of a year, "12" a number or part of a serial, else a name or serial. */
export type RegisterSearchTerm =
  | { kind: "register_number"; registerNumber: number; registerYear: number }
  | { kind: "number"; registerNumber: number; text: string }
  | { kind: "text"; text: string };

export function readSearchTerm(q: string): RegisterSearchTerm {
  const withYear = /^(\d{1,7})\s*\/\s*(\d{4})$/.exec(q);
  if (withYear)
    return { kind: "register_number", registerNumber: Number(withYear[1]), registerYear: Number(withYear[2]) };
  if (/^\d{1,7}$/.test(q)) return { kind: "number", registerNumber: Number(q), text: q };
  return { kind: "text", text: q };
}
