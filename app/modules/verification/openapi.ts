/**
 * The OpenAPI 3.1 description of the verification API and the cases' API (cases/openapi-cases.ts), served at GET /api/openapi.json. Written as a typed
 * object so that it stays in step with the code: the verdict enum comes from verdict.ts, the size limit from
 * schema.ts. Pure.
 */
import { CASE_OPENAPI_PATHS, CASE_OPENAPI_SCHEMAS } from "~/modules/cases/openapi-cases";
import { QUERY_MAX } from "~/modules/feedback/schema";
import { FEEDBACK_TOPICS } from "~/modules/feedback/topics";
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

interface GetOperation {
  operationId: string;
  summary: string;
  description: string;
  parameters: { name: string; in: "query"; required: boolean; description: string; schema: Schema }[];
  responses: Record<string, { description: string; content?: { "application/json": { schema: Schema } } }>;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  paths: Record<string, { post: Operation } | { get: GetOperation } | Record<"get", Schema>>;
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
      title: "Vocational diploma registry: verification and Q&A API",
      version: "1.0.0",
      description:
        "Verify a diploma from its QR code text or its full credential (eddsa-rdfc-2022), and search the published Q&A library. Public, no account; rate-limited per client; readable cross-origin (CORS *). The personal ID number is never returned.",
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
      "/api/v1/questions": {
        get: {
          operationId: "searchQuestions",
          summary: "Search the published Q&A library",
          description:
            'Questions and their signed answers published with the submitter\'s consent, personal data removed. Diacritic-insensitive full-text search ("hoc phi" finds "học phí"); every word must match and the last counts as a prefix; when fewer than `limit` answers match all words, answers sharing any meaningful word follow. Best match first.',
          parameters: [
            {
              name: "q",
              in: "query",
              required: true,
              description: "What to search for.",
              schema: { type: "string", minLength: 1, maxLength: QUERY_MAX },
            },
            {
              name: "limit",
              in: "query",
              required: false,
              description: "How many answers (default 10).",
              schema: { type: "integer", minimum: 1, maximum: 20, default: 10 },
            },
            {
              name: "topic",
              in: "query",
              required: false,
              description: "Only this topic.",
              schema: { type: "string", enum: [...FEEDBACK_TOPICS] },
            },
          ],
          responses: {
            "200": { description: "The matching answers.", content: jsonContent(ref("QuestionSearchResult")) },
            "400": { description: "A missing or bad parameter (code bad_query).", content: jsonContent(ref("Error")) },
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
        PublishedAnswer: {
          type: "object",
          required: ["id", "topic", "question", "answer", "organisationName", "publishedAt", "documentId", "url"],
          properties: {
            id: { type: "string", format: "uuid" },
            topic: { type: "string", enum: [...FEEDBACK_TOPICS] },
            question: { type: "string", description: "The question, personal data removed." },
            answer: { type: "string", description: "The answer, cut to about 280 characters; the full text at `url`." },
            organisationName: {
              type: ["string", "null"],
              description: "The answering school; null when the ministry answered.",
            },
            publishedAt: { type: "string", format: "date" },
            documentId: {
              type: ["string", "null"],
              format: "uuid",
              description: "The signed reply, public at /documents/{documentId}.",
            },
            url: { type: "string", description: "The answer's page, relative to the server." },
          },
        },
        QuestionSearchResult: {
          type: "object",
          required: ["q", "results"],
          properties: { q: { type: "string" }, results: { type: "array", items: ref("PublishedAnswer") } },
        },
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
