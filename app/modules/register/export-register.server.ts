import { type Executor, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { vietnamDate } from "~/lib/format-time";
import { registerToCsv } from "~/modules/documents/register-csv";
import { renderRegisterPdf } from "~/modules/documents/register-pdf.server";
import { listRegisterDiplomas } from "./queries.server";
import { registerLines } from "./register-lines";
import type { RegisterFilters } from "./schema";

/**
 * The register as files: one line per signed diploma, in register order, with the filters of the page. The PDF is
 * capped: laying out a line takes PDFKit about 4 ms of the server's only thread (5,000 lines: 19 s), so a PDF is
 * printed a year or a class at a time; the CSV has no cap.
 */
export const REGISTER_PDF_MAX_LINES = 1_000;

export const exportRegisterCsv = withDefaultDb(async function exportRegisterCsv(
  db: Executor,
  options: { organisationId: string; filters: RegisterFilters },
): Promise<string> {
  return registerToCsv(registerLines(await listRegisterDiplomas(db, options)));
});

export const exportRegisterPdf = withDefaultDb(async function exportRegisterPdf(
  db: Executor,
  options: { organisation: { id: string; name: string }; filters: RegisterFilters; now?: Date; maxLines?: number },
): Promise<Result<Buffer, "too_many_lines">> {
  const maxLines = options.maxLines ?? REGISTER_PDF_MAX_LINES;
  const diplomas = await listRegisterDiplomas(db, {
    organisationId: options.organisation.id,
    filters: options.filters,
    limit: maxLines + 1,
  });
  if (diplomas.length > maxLines) return fail("too_many_lines");
  const title = `SỔ GỐC CẤP VĂN BẰNG${options.filters.year ? ` – NĂM ${options.filters.year}` : ""}`;
  return ok(
    await renderRegisterPdf({ name: options.organisation.name }, registerLines(diplomas), {
      title,
      generatedAt: options.now ?? new Date(),
    }),
  );
});

/** "so-goc-CDCNHN-2026-20260615.csv": the school, the year filtered on (if any), the day it was made (Vietnam). */
export function registerFilename(options: {
  schoolCode: string;
  filters: RegisterFilters;
  extension: "csv" | "pdf";
  now?: Date;
}): string {
  const day = vietnamDate(options.now ?? new Date()).replace(/-/g, "");
  const year = options.filters.year ? `-${options.filters.year}` : "";
  return `so-goc-${options.schoolCode}${year}-${day}.${options.extension}`;
}
