/**
 * The cases export's query (GET /api/v1/cases-export, docs/case-export.md) and its cursor. Pure.
 */
import { z } from "zod";
import { CASE_KINDS } from "../../../db/schema/cases";

export const EXPORT_FORMAT = "vanbang-case-export/1";
export const EXPORT_PAGE_DEFAULT = 500;
export const EXPORT_PAGE_MAX = 1000;
/** At most a year and a bit per request: a national system pulls day by day or month by month. */
export const EXPORT_SPAN_DAYS_MAX = 400;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d);

export interface ExportCursor {
  receivedAt: string;
  id: string;
}

export function encodeCursor(cursor: ExportCursor): string {
  return Buffer.from(`${cursor.receivedAt}|${cursor.id}`, "utf8").toString("base64url");
}

export function decodeCursor(value: string): ExportCursor | null {
  if (value.length > 200) return null;
  const [receivedAt, id, extra] = Buffer.from(value, "base64url").toString("utf8").split("|");
  if (extra !== undefined || !receivedAt || !id) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(receivedAt) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { receivedAt, id };
}

export const CaseExportQuerySchema = z
  .object({
    from: day,
    to: day,
    kind: z.enum(CASE_KINDS).optional(),
    cursor: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v === "") return null;
        const decoded = decodeCursor(v);
        if (!decoded) ctx.addIssue({ code: "custom", message: "not a cursor of this export" });
        return decoded;
      }),
    limit: z.coerce.number().int().min(1).max(EXPORT_PAGE_MAX).default(EXPORT_PAGE_DEFAULT),
  })
  .refine((q) => q.from <= q.to, { message: "from is after to", path: ["to"] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86400_000 <= EXPORT_SPAN_DAYS_MAX, {
    message: `at most ${EXPORT_SPAN_DAYS_MAX} days per request`,
    path: ["to"],
  });
export type CaseExportQuery = z.infer<typeof CaseExportQuerySchema>;
