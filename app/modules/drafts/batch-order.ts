import type { BatchRowOrder } from "../../../db/schema/diplomas";

/**
 * The order of a batch's list: the list the registrar reviews, the principal signs, and the register follows
 * (row 1 gets the first số hiệu and số vào sổ). Pure and shared by the review page, the signing page and signing
 * itself, so the three can never disagree. Names are compared in Vietnamese collation (Intl.Collator "vi": A < Ă <
 * Â, D < Đ, tones after the bare letter), which neither PGlite nor every PostgreSQL build offers, so the sort is
 * done here; ties keep the import order, then the row id, so the order is total and stable.
 */

export const BATCH_ROW_ORDER_CODES = ["import", "given_name", "full_name"] as const satisfies readonly BatchRowOrder[];
export type BatchRowOrderCode = (typeof BATCH_ROW_ORDER_CODES)[number];

export interface OrderedRow {
  id: string;
  fullName: string;
  /** Place in the batch as imported or added; null for rows written before positions existed. */
  position: number | null;
  createdAt: Date | string;
}

const collator = new Intl.Collator("vi", { sensitivity: "variant", numeric: true });

/** Tên (the given name, the last word) and họ và tên đệm (the rest): "Nguyễn Thị Ánh" → ["Ánh", "Nguyễn Thị"]. */
export function splitVietnameseName(fullName: string): [given: string, rest: string] {
  const words = fullName.trim().split(/\s+/);
  const given = words.pop() ?? "";
  return [given, words.join(" ")];
}

function importOrder(a: OrderedRow, b: OrderedRow): number {
  if (a.position !== null && b.position !== null && a.position !== b.position) return a.position - b.position;
  if (a.position !== b.position) return a.position === null ? 1 : -1;
  const at = new Date(a.createdAt).getTime();
  const bt = new Date(b.createdAt).getTime();
  if (at !== bt) return at - bt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function compareBatchRows(order: BatchRowOrder, a: OrderedRow, b: OrderedRow): number {
  if (order === "given_name") {
    const [ag, ar] = splitVietnameseName(a.fullName);
    const [bg, br] = splitVietnameseName(b.fullName);
    return collator.compare(ag, bg) || collator.compare(ar, br) || importOrder(a, b);
  }
  if (order === "full_name") return collator.compare(a.fullName, b.fullName) || importOrder(a, b);
  return importOrder(a, b);
}

/** A new array in the batch's order. */
export function sortBatchRows<T extends OrderedRow>(rows: readonly T[], order: BatchRowOrder): T[] {
  return [...rows].sort((a, b) => compareBatchRows(order, a, b));
}

export function isBatchRowOrder(value: unknown): value is BatchRowOrder {
  return typeof value === "string" && (BATCH_ROW_ORDER_CODES as readonly string[]).includes(value);
}

/** Claim slips per PDF of a batch (the PDF is drawn on the server's thread, a few ms a page): larger classes print in parts. */
export const CLAIM_SLIPS_PER_PDF = 500;
