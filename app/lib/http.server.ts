import { json } from "@remix-run/node";

/**
 * Reads a submitted form. A body that is not a form (truncated multipart, wrong content type, bytes of
 * nothing) gets a 400 page instead of a crash.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw json({ code: "bad_request" }, { status: 400 });
  }
}
