/** The verification API's request bodies, parsed at the edge (Zod). */
import { z } from "zod";

/** Bodies above this are refused before parsing: a diploma credential is about 5 KB, a QR text at most 311 characters. */
export const VERIFY_BODY_MAX_BYTES = 64 * 1024;
/** The decoder itself refuses beyond 4,096 characters; the API refuses a longer "qr" as a bad request. */
const QR_TEXT_MAX_CHARS = 4096;

const jsonObject = z.record(z.string(), z.unknown());

export const VerifyRequestSchema = z
  .object({ qr: z.string().max(QR_TEXT_MAX_CHARS).optional(), credential: jsonObject.optional() })
  .refine((body) => (body.qr === undefined) !== (body.credential === undefined), {
    message: 'give exactly one of "qr" (a string) and "credential" (an object)',
  });

/** W3C VC-API verifyCredential: `{ verifiableCredential, options? }`. */
export const VcApiVerifyRequestSchema = z.object({ verifiableCredential: jsonObject, options: jsonObject.optional() });
