import { sql } from "drizzle-orm";
import { rowsOf, type Executor, withDefaultDb } from "~/lib/db.server";
import { sortByVietnamese } from "~/lib/vietnamese-order";

/**
 * Programmes and occupations as an employer chooses them for a job: by name, never by code. Suggestions match the
 * folded name anywhere ("ke toan" finds "Kế toán doanh nghiệp"), or the code's beginning; the full lists serve the
 * form without JavaScript.
 */

export type CodeChoiceKind = "programme" | "occupation";

export interface CodeChoice {
  code: string;
  name: string;
  /** A programme's level (its name), so "Kế toán" at cao đẳng and at trung cấp can be told apart. */
  detail: string | null;
}

export const SUGGESTION_LIMIT = 10;

/** `text` for a LIKE pattern, its wildcards taken literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export const suggestCodeChoices = withDefaultDb(async function suggestCodeChoices(
  db: Executor,
  options: { kind: CodeChoiceKind; q: string; limit?: number },
): Promise<CodeChoice[]> {
  const q = options.q.trim();
  if (!q) return [];
  const escaped = escapeLike(q);
  const pattern = `%${escaped}%`;
  const prefix = `${escaped}%`;
  const limit = options.limit ?? SUGGESTION_LIMIT;
  // Names starting with the text first, then shorter names, then by name.
  const rows =
    options.kind === "programme"
      ? rowsOf<CodeChoice>(
          await db.execute(sql`
            select p.code, p.name_vi as name, l.name_vi as detail
            from programmes p join training_levels l on l.code = p.level_code
            where p.active and (vb_fold(p.name_vi) like vb_fold(${pattern}) or p.code like ${prefix})
            order by (vb_fold(p.name_vi) like vb_fold(${prefix})) desc, length(p.name_vi), p.name_vi, l.rank desc
            limit ${limit}`),
        )
      : rowsOf<CodeChoice>(
          await db.execute(sql`
            select o.code, o.name_vi as name, null as detail
            from occupations o
            where vb_fold(o.name_vi) like vb_fold(${pattern}) or vb_fold(coalesce(o.name_en, '')) like vb_fold(${pattern}) or o.code like ${prefix}
            order by (vb_fold(o.name_vi) like vb_fold(${prefix})) desc, length(o.name_vi), o.name_vi
            limit ${limit}`),
        );
  return rows.map((r) => ({ code: r.code, name: r.name, detail: r.detail ?? null }));
});

/** Every active programme and every occupation, in Vietnamese order: the choices of the form without JavaScript. */
export const listCodeChoices = withDefaultDb(async function listCodeChoices(
  db: Executor,
): Promise<{ programmes: CodeChoice[]; occupations: CodeChoice[] }> {
  const [programmes, occupations] = await Promise.all([
    db.execute(
      sql`select p.code, p.name_vi as name, l.name_vi as detail from programmes p join training_levels l on l.code = p.level_code where p.active`,
    ),
    db.execute(sql`select o.code, o.name_vi as name, null as detail from occupations o`),
  ]);
  const sorted = (rows: CodeChoice[]) =>
    sortByVietnamese(rows, (r) => `${r.name} ${r.detail ?? ""}`).map((r) => ({
      code: r.code,
      name: r.name,
      detail: r.detail ?? null,
    }));
  return { programmes: sorted(rowsOf<CodeChoice>(programmes)), occupations: sorted(rowsOf<CodeChoice>(occupations)) };
});

/** Whether an occupation code is in the list (the job form's server check). */
export async function occupationExists(db: Executor, code: string): Promise<boolean> {
  return rowsOf(await db.execute(sql`select 1 from occupations where code = ${code}`)).length > 0;
}
