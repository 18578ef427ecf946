/**
 * Mã số thuế (tax code) of an employer: 10 digits, or 13 for a branch (the parent's 10 digits and a 3-digit suffix
 * 001–999, written 0101234567-001). Spaces, dots and a missing hyphen are tolerated on input. Pure.
 */
export type TaxCodeProblem = "empty" | "format" | "branch_suffix" | "all_zero";

export function normaliseTaxCode(input: string): { ok: true; value: string } | { ok: false; problem: TaxCodeProblem } {
  const compact = input.replace(/[\s.]/g, "");
  if (compact.length === 0) return { ok: false, problem: "empty" };
  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(compact);
  if (!match) return { ok: false, problem: "format" };
  const [, main, branch] = match;
  if (/^0+$/.test(main!)) return { ok: false, problem: "all_zero" };
  if (branch === undefined) return { ok: true, value: main! };
  if (branch === "000") return { ok: false, problem: "branch_suffix" };
  return { ok: true, value: `${main}-${branch}` };
}
