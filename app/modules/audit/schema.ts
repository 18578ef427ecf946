import { z } from "zod";

export const AUDIT_PAGE_SIZE = 50;

/** Filters of the audit trail viewers, from the query string. A bad value is dropped, never a 500. */
const AuditFiltersSchema = z.object({
  action: z
    .string()
    .regex(/^[a-z][a-z-]*\.[a-z][a-z-]*$/)
    .max(64)
    .optional()
    .catch(undefined),
  organisationId: z.string().uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type AuditFilters = z.infer<typeof AuditFiltersSchema>;

export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  return AuditFiltersSchema.parse({
    action: params.get("action") || undefined,
    organisationId: params.get("org") || undefined,
    page: params.get("page") ?? undefined,
  });
}
