/**
 * The case core's part of the OpenAPI document (app/modules/verification/openapi.ts merges it): the public status
 * lookup and the ministry's export for a national one-stop system (docs/case-export.md). Pure.
 */
import { CASE_KINDS, CASE_STATUSES } from "../../../db/schema/cases";

type Schema = { [key: string]: unknown };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (schema: Schema) => ({ "application/json": { schema } });
const error = (description: string) => ({ description, content: jsonContent(ref("Error")) });

export const CASE_OPENAPI_PATHS = {
  "/api/v1/cases/{code}": {
    get: {
      operationId: "getCaseStatus",
      summary: "A case's public status and timeline",
      description:
        "Anyone holding a case's code (DV-2026-000123, or a fake report's VB-XXXXX-XXXXX) sees its kind, handler, dates, deadline, status, outcome and public timeline. No personal data: never the submitter's name or contact, never the request's text, never internal notes or who acted. The code is read loosely (case, spaces, dashes). Rate-limited per client; CORS *.",
      parameters: [{ name: "code", in: "path", required: true, schema: { type: "string", maxLength: 40 } }],
      responses: {
        "200": { description: "The case.", content: jsonContent(ref("PublicCase")) },
        "400": error("Not a case code (code invalid_code)."),
        "404": error("No case has this code (code not_found)."),
        "429": error("Too many requests from this client; see Retry-After."),
      },
    },
  },
  "/api/v1/cases-export": {
    get: {
      operationId: "exportCases",
      summary: "Export cases for a national one-stop system (ministry administrators)",
      description:
        "Cases received between `from` and `to` (Vietnam days, inclusive), optionally of one kind, oldest first, one page at a time: follow `nextCursor` until it is null. Needs a ministry administrator's session. Format and field meanings: docs/case-export.md.",
      parameters: [
        { name: "from", in: "query", required: true, schema: { type: "string", format: "date" } },
        { name: "to", in: "query", required: true, schema: { type: "string", format: "date" } },
        { name: "kind", in: "query", required: false, schema: { type: "string", enum: [...CASE_KINDS] } },
        { name: "cursor", in: "query", required: false, schema: { type: "string" } },
        { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 1000 } },
      ],
      responses: {
        "200": { description: "One page of cases.", content: jsonContent(ref("CaseExportPage")) },
        "400": error("A bad parameter (code invalid_query)."),
        "401": error("Not signed in (code unauthenticated)."),
        "403": error("Not a ministry administrator (code forbidden)."),
      },
    },
  },
};

const timelineEvent = {
  type: "object",
  required: ["at", "type", "toStatus", "note"],
  properties: {
    at: { type: "string", format: "date-time" },
    type: { type: "string", description: "submitted, accept, forward, request_info, resolve, escalate…" },
    toStatus: { oneOf: [ref("CaseStatus"), { type: "null" }] },
    note: { type: ["string", "null"], description: "The public note (no personal data)." },
  },
};

export const CASE_OPENAPI_SCHEMAS: Record<string, Schema> = {
  CaseKind: { type: "string", enum: [...CASE_KINDS] },
  CaseStatus: { type: "string", enum: [...CASE_STATUSES] },
  PublicCase: {
    type: "object",
    required: ["code", "kind", "status", "organisation", "receivedAt", "dueOn", "deadline", "timeline"],
    properties: {
      code: { type: "string" },
      kind: ref("CaseKind"),
      status: ref("CaseStatus"),
      organisation: {
        description: "The handling school; null: the ministry.",
        oneOf: [
          { type: "object", properties: { code: { type: "string" }, name: { type: "string" } } },
          { type: "null" },
        ],
      },
      receivedAt: { type: "string", format: "date-time" },
      dueOn: { type: ["string", "null"], format: "date", description: "The last working day on time (Vietnam)." },
      deadline: { type: "string", enum: ["none", "paused", "on_time", "due_today", "overdue"] },
      escalated: { type: "boolean" },
      closedAt: { type: ["string", "null"], format: "date-time" },
      outcome: { type: ["string", "null"] },
      outcomeNote: { type: ["string", "null"] },
      resultDocumentId: {
        type: ["string", "null"],
        format: "uuid",
        description: "The signed result, at /documents/{id}.",
      },
      timeline: { type: "array", items: timelineEvent },
    },
  },
  CaseExportPage: {
    type: "object",
    required: ["format", "cases", "nextCursor"],
    properties: {
      format: { type: "string", const: "vanbang-case-export/1" },
      cases: { type: "array", items: { type: "object", description: "One case: docs/case-export.md." } },
      nextCursor: { type: ["string", "null"] },
    },
  },
};
