/**
 * Reads a case page's form: a plain form, or a multipart one with files (field "files", several allowed). Each file
 * is held in memory up to the attachment limit; a larger part stops the read with "attachment_too_large" before the
 * rest is buffered. The server's body cap for these paths (CASE_UPLOAD_PATHS) bounds the whole request.
 */
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { readFormData } from "~/lib/http.server";
import { ATTACHMENT_LIMITS } from "./attachment-rules";

export interface CaseForm {
  form: FormData;
  files: { name: string; bytes: Uint8Array }[];
  /** Set when a file was over the size limit (nothing else was read). */
  tooLarge: boolean;
}

export async function readCaseForm(request: Request): Promise<CaseForm> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data"))
    return { form: await readFormData(request), files: [], tooLarge: false };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: ATTACHMENT_LIMITS.maxBytes }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { form: new FormData(), files: [], tooLarge: true };
    return { form: new FormData(), files: [], tooLarge: false };
  }
  const files: CaseForm["files"] = [];
  for (const value of form.getAll("files")) {
    if (typeof value === "string") continue;
    if (value.size === 0 && value.name === "") continue; // an empty file input
    files.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return { form, files, tooLarge: false };
}
