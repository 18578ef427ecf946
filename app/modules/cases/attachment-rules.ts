/**
 * What a case accepts as an attachment: PDF, PNG or JPEG, recognised by their first bytes (the name and the
 * browser's type are not trusted), at most 5 MB each, 5 per upload and 20 per case. Pure.
 */
import type { AttachmentStorage } from "../../../db/schema/cases";

export type { AttachmentStorage };

export const ATTACHMENT_LIMITS = { maxBytes: 5 * 1024 * 1024, perUpload: 5, perCase: 20 } as const;

export const ATTACHMENT_PURPOSES = ["evidence", "authorisation", "receipt", "identity", "other"] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];

export const ATTACHMENT_MEDIA_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

/** The media type the bytes are, by their signature, or null when they are none of the accepted ones. */
export function sniffMediaType(bytes: Uint8Array): AttachmentMediaType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf"; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  return null;
}

export type AttachmentProblem =
  "attachment_empty" | "attachment_too_large" | "attachment_type" | "too_many_attachments";

/** A file name safe to keep and to send back in Content-Disposition: no path, no control characters, bounded. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f && c !== '"')
    .join("")
    .trim()
    .slice(0, 150);
  return cleaned || "tep-dinh-kem";
}

export interface CheckedAttachment {
  fileName: string;
  mediaType: AttachmentMediaType;
  bytes: Uint8Array;
}

/**
 * Checks the files of one upload against the limits, given how many the case holds already. All or nothing: one
 * bad file refuses the upload, naming the problem (and the file).
 */
export function checkAttachments(
  files: readonly { name: string; bytes: Uint8Array }[],
  alreadyOnCase: number,
): { ok: true; value: CheckedAttachment[] } | { ok: false; code: AttachmentProblem; fileName?: string } {
  if (files.length > ATTACHMENT_LIMITS.perUpload || alreadyOnCase + files.length > ATTACHMENT_LIMITS.perCase)
    return { ok: false, code: "too_many_attachments" };
  const checked: CheckedAttachment[] = [];
  for (const file of files) {
    const fileName = cleanFileName(file.name);
    if (file.bytes.length === 0) return { ok: false, code: "attachment_empty", fileName };
    if (file.bytes.length > ATTACHMENT_LIMITS.maxBytes) return { ok: false, code: "attachment_too_large", fileName };
    const mediaType = sniffMediaType(file.bytes);
    if (!mediaType) return { ok: false, code: "attachment_type", fileName };
    checked.push({ fileName, mediaType, bytes: file.bytes });
  }
  return { ok: true, value: checked };
}

/**
 * The routes that take case attachments (multipart): their body cap is the upload's limit plus room
 * (app/server/body-limit.ts). Every case form that uploads must live at one of these paths.
 */
export const CASE_UPLOAD_PATHS: readonly RegExp[] = [
  /^\/services\/[^/]+\/?$/i, // online diploma services' request forms
  /^\/feedback\/?$/i, // feedback, questions, petitions
  /^\/my\/cases\/[^/]+\/?$/i, // the submitter supplies documents
  /^\/cases\/[^/]+\/handle\/?$/i, // the officer attaches (a receipt, a result)
  /^\/admin\/voter-petitions\/?[^/]*\/?$/i, // the ministry enters a voters' petition with its letter
];

export const CASE_UPLOAD_BODY_LIMIT = ATTACHMENT_LIMITS.perUpload * ATTACHMENT_LIMITS.maxBytes + 1024 * 1024;
