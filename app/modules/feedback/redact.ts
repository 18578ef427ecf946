/**
 * Removes personal data from a question or an answer before it is published in the Q&A library: e-mail addresses,
 * phone numbers, 12-digit personal ID numbers (CCCD) and old 9-digit ID numbers, and the submitter's own name (with
 * or without its marks, whole or by its given name when it is distinctive). Pure: the officer reviews its result
 * before publishing, it only pre-fills the form.
 */
import { foldVietnamese } from "~/lib/fold-vietnamese";

export const REDACTED = {
  email: "[email]",
  phone: "[số điện thoại]",
  personalId: "[số định danh]",
  name: "[người hỏi]",
} as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// A 12-digit personal ID number (CCCD / số định danh cá nhân), or a 9-digit old ID card, standing alone.
const PERSONAL_ID = /(?<![\d+])(?:\d{12}|\d{9})(?!\d)/g;
// Vietnamese phone numbers: +84 or 0, then 9–10 digits, in groups separated by spaces, dots or dashes.
const PHONE = /(?<!\d)(?:\+?84|0)(?:[\s.-]?\d){8,10}(?!\d)/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The name as it may be written: with its marks, and without them (any case). */
function namePatterns(name: string): RegExp[] {
  const clean = name.trim().replace(/\s+/g, " ");
  if (clean.length < 2) return [];
  const words = clean.split(" ");
  const variants = new Set<string>([clean, foldVietnamese(clean)]);
  // "Nguyễn Văn An" is often signed "An" or "Văn An"; keep to the last two words when the name has three or more.
  if (words.length >= 3) {
    const lastTwo = words.slice(-2).join(" ");
    variants.add(lastTwo);
    variants.add(foldVietnamese(lastTwo));
  }
  return [...variants]
    .filter((v) => v.length >= 2)
    .sort((a, b) => b.length - a.length)
    .map((v) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(v).replace(/ /g, "\\s+")}(?![\\p{L}\\p{N}])`, "giu"));
}

/** The text with personal data replaced by placeholders. */
export function redactPersonalData(text: string, options: { submitterName?: string | null } = {}): string {
  let out = text.normalize("NFC").replace(EMAIL, REDACTED.email);
  out = out.replace(PERSONAL_ID, REDACTED.personalId);
  out = out.replace(PHONE, REDACTED.phone);
  if (options.submitterName) {
    for (const pattern of namePatterns(options.submitterName.normalize("NFC")))
      out = out.replace(pattern, REDACTED.name);
  }
  return out;
}
