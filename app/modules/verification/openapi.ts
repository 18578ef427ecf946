/**
 * The OpenAPI 3.1 description of the verification API and the cases' API (cases/openapi-cases.ts), served at GET /api/openapi.json. Written as a typed
 * object so that it stays in step with the code: the verdict enum comes from verdict.ts, the size limit from
 * schema.ts. Pure.
 */
import { CASE_OPENAPI_PATHS, CASE_OPENAPI_SCHEMAS } from "~/modules/cases/openapi-cases";
import { REASON_TEXTS } from "./reasons";
import { VERIFY_BODY_MAX_BYTES } from "./schema";
import { VERDICT_PRECEDENCE } from "./verdict";

type Schema = { [key: string]: unknown };

interface Operation {
  operationId: string;
  summary: string;
  description: string;
  requestBody: { required: true; content: { "application/json": { schema: Schema } } };
  responses: Record<string, { description: string; content?: { "application/json": { schema: Schema } } }>;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  paths: Record<string, { post: Operation } | Record<"get", Schema>>;
  components: { schemas: Record<string, Schema> };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (schema: Schema) => ({ "application/json": { schema } });
const badRequest = {
  description: "Not JSON, or not the fields described.",
  content: jsonContent(ref("Error")),
};
const tooLarge = {
  description: `A body of more than ${VERIFY_BODY_MAX_BYTES} bytes (code body_too_large).`,
  content: jsonContent(ref("Error")),
};
const tooMany = {
  description: "Too many requests from this client; see Retry-After.",
  content: jsonContent(ref("Error")),
};

export function verificationOpenApi(origin: string): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: {
      title: "Vocational diploma registry: verification API",
      version: "1.0.0",
      description:
        "Verify a diploma from its QR code text or its full credential (eddsa-rdfc-2022). Public, no account; rate-limited per client; readable cross-origin (CORS *). The personal ID number is never returned.",
    },
    servers: [{ url: origin }],
    paths: {
      "/api/v1/verify": {
        post: {
          operationId: "verifyDiploma",
          summary: "Verify a diploma QR code or credential",
          description:
            "Give exactly one of `qr` and `credential`. Every verdict, including a failed one, is a 200 answer.",
          requestBody: {
            required: true,
            content: jsonContent({
              oneOf: [
                {
                  type: "object",
                  required: ["qr"],
                  properties: {
                    qr: { type: "string", maxLength: 4096, description: "The QR text (docs/qr-payload.md)." },
                  },
                  additionalProperties: false,
                },
                {
                  type: "object",
                  required: ["credential"],
                  properties: { credential: { type: "object", description: "The full diploma credential JSON." } },
                  additionalProperties: false,
                },
              ],
            }),
          },
          responses: {
            "200": { description: "The verdict.", content: jsonContent(ref("VerificationResult")) },
            "400": badRequest,
            "413": tooLarge,
            "429": tooMany,
          },
        },
      },
      "/credentials/verify": {
        post: {
          operationId: "verifyCredential",
          summary: "Verify a credential (W3C VC-API)",
          description: "VC-API verifyCredential. 200 when the verdict is valid; 400 with the same body when it is not.",
          requestBody: {
            required: true,
            content: jsonContent({
              type: "object",
              required: ["verifiableCredential"],
              properties: { verifiableCredential: { type: "object" }, options: { type: "object" } },
            }),
          },
          responses: {
            "200": { description: "The credential verified.", content: jsonContent(ref("VcApiVerifyResponse")) },
            "400": {
              description: "The credential did not verify (VcApiVerifyResponse), or the body is bad (Error).",
              content: jsonContent({ oneOf: [ref("VcApiVerifyResponse"), ref("Error")] }),
            },
            "413": tooLarge,
            "429": tooMany,
          },
        },
      },
      ...CASE_OPENAPI_PATHS,
    },
    components: {
      schemas: {
        ...CASE_OPENAPI_SCHEMAS,
        Verdict: {
          type: "string",
          enum: [...VERDICT_PRECEDENCE],
          description:
            "Exactly one per result, listed worst first (the order in which a failing check wins). `not_ours` and `unsupported_version` are reason codes of the verdict `malformed`, never verdicts. Meanings: docs/qr-payload.md, section 7.",
        },
        Reason: {
          type: "object",
          required: ["code", "vi", "en"],
          properties: {
            code: {
              type: "string",
              enum: Object.keys(REASON_TEXTS),
              description: "Why: e.g. `not_ours`, `malformed` or `unsupported_version` under the verdict `malformed`.",
            },
            vi: { type: "string", description: "The reason in plain Vietnamese." },
            en: {
              type: "string",
              description: "The reason in plain English, with a detail for developers in brackets when there is one.",
            },
          },
        },
        MinimalDiploma: {
          type: "object",
          required: [
            "holderName",
            "holderNameTruncated",
            "programmeCode",
            "programmeName",
            "levelCode",
            "classification",
            "graduationYear",
            "issueDate",
            "serial",
            "credentialId",
          ],
          properties: {
            holderName: { type: "string" },
            holderNameTruncated: { type: "boolean" },
            programmeCode: { type: "string", pattern: "^[0-9]{7,8}$" },
            programmeName: { type: ["string", "null"] },
            levelCode: { type: "string" },
            classification: { type: "string" },
            graduationYear: { type: "integer" },
            issueDate: { type: "string", format: "date" },
            serial: { type: "string" },
            credentialId: { type: "string", format: "uuid" },
          },
        },
        Issuer: {
          type: "object",
          required: ["code", "name", "did", "accredited"],
          properties: {
            code: { type: "string" },
            name: { type: ["string", "null"] },
            did: { type: ["string", "null"] },
            accredited: { type: "boolean" },
          },
        },
        VerificationResult: {
          type: "object",
          required: ["verdict", "reasons", "diploma", "issuer"],
          properties: {
            verdict: ref("Verdict"),
            reasons: { type: "array", items: ref("Reason") },
            diploma: { oneOf: [ref("MinimalDiploma"), { type: "null" }] },
            issuer: { oneOf: [ref("Issuer"), { type: "null" }] },
            status: {
              type: "object",
              properties: {
                changedAt: { type: ["string", "null"], format: "date-time" },
                supersededBy: { type: ["string", "null"], format: "uuid" },
                reason: {
                  type: ["string", "null"],
                  description: "Revoked or suspended: the reason the school published.",
                },
              },
            },
          },
        },
        VcApiVerifyResponse: {
          type: "object",
          required: ["checks", "warnings", "errors", "verdict"],
          properties: {
            checks: { type: "array", items: { type: "string", enum: ["issuer", "proof", "validity", "status"] } },
            warnings: { type: "array", items: ref("Problem") },
            errors: { type: "array", items: ref("Problem") },
            verdict: ref("Verdict"),
            reasons: { type: "array", items: ref("Reason") },
          },
        },
        Problem: {
          type: "object",
          required: ["type", "title", "detail"],
          properties: { type: { type: "string" }, title: { type: "string" }, detail: { type: "string" } },
        },
        Error: {
          type: "object",
          required: ["code"],
          properties: { code: { type: "string" }, message: { type: "string" } },
        },
      },
    },
  };
}
