/**
 * The online diploma services' part of the staff's case page (app/modules/cases/panel-contract.ts): the panel's
 * data and the services' own intents (confirm a payment, deliver a certified copy, sign a confirmation letter, start
 * and finish a correction). Each intent is a use-case in one transaction; its failure maps to a status and message.
 */
import { z } from "zod";
import type { Case } from "../../../db/schema/cases";
import type { Executor } from "~/lib/db.server";
import type { FailureTable } from "~/lib/failures";
import { isOpen } from "~/modules/cases/case-transitions";
import { CASE_FAILURES } from "~/modules/cases/failures";
import { moveCase } from "~/modules/cases/move-case.server";
import type { PanelIntentArgs, PanelIntentResult, PanelViewer } from "~/modules/cases/panel-contract";
import { deliverCertifiedCopy, type DeliverCopyError } from "./deliver-copy.server";
import type { PanelDiploma, PanelRequest, ServiceIntent, ServicePanelData } from "./panel-data";
import { findOrganisationCode, findSchoolDiploma } from "./queries.server";
import {
  correctionLinkOf,
  finishServiceCorrection,
  startServiceCorrection,
  type ServiceCorrectionError,
} from "./service-correction.server";
import { signConfirmationLetter, type SignConfirmationError } from "./sign-confirmation.server";

const SERVICE_KINDS = ["certified_copy", "correction", "confirmation"] as const;
type ServiceKind = (typeof SERVICE_KINDS)[number];
const isServiceKind = (kind: string): kind is ServiceKind => (SERVICE_KINDS as readonly string[]).includes(kind);

function panelRequest(kase: Case): PanelRequest {
  const d = kase.details as Record<string, unknown>;
  const payment = (d.payment as PanelRequest["payment"] | undefined) ?? { status: "not_recorded" };
  return {
    capacity: kase.submitterCapacity,
    feeVnd: Number(d.feeVnd ?? 0),
    payment,
    claimedDiploma: (d.claimedDiploma as PanelRequest["claimedDiploma"]) ?? null,
    ...(typeof d.copies === "number" ? { copies: d.copies } : {}),
    ...(d.delivery === "electronic" || d.delivery === "post" ? { delivery: d.delivery } : {}),
    ...(typeof d.postalAddress === "string" ? { postalAddress: d.postalAddress } : {}),
    ...(Array.isArray(d.fields) ? { fields: d.fields.filter((f): f is string => typeof f === "string") } : {}),
    ...(typeof d.correctValue === "string" ? { correctValue: d.correctValue } : {}),
    ...(typeof d.agency === "object" && d.agency !== null ? { agency: d.agency as PanelRequest["agency"] } : {}),
    ...(typeof d.purpose === "string" ? { purpose: d.purpose } : {}),
    ...(d.language === "vi" || d.language === "en" ? { language: d.language } : {}),
  };
}

export async function loadServicePanel(
  db: Executor,
  kase: Case,
  _viewer: PanelViewer,
): Promise<ServicePanelData | null> {
  if (!isServiceKind(kase.kind)) return null;
  const organisationId = kase.organisationId;
  const found =
    organisationId && kase.diplomaId
      ? await findSchoolDiploma(db, { organisationId, diplomaId: kase.diplomaId })
      : null;
  const diploma: PanelDiploma | null = found
    ? {
        id: found.id,
        status: found.status,
        serial: found.serial,
        fullName: found.fullName,
        dateOfBirth: found.dateOfBirth,
        programmeName: found.programmeName,
        programmeCode: found.programmeCode,
        classification: found.classification,
        graduationDate: found.graduationDate,
        issueDate: found.issueDate,
        registerYear: found.registerYear,
        registerNumber: found.registerNumber,
      }
    : null;
  const link = correctionLinkOf(kase.details);
  const draft =
    link && organisationId ? await findSchoolDiploma(db, { organisationId, diplomaId: link.diplomaId }) : null;
  const request = panelRequest(kase);
  const open = isOpen(kase.status);
  const working = open && kase.status !== "awaiting_submitter";
  const intents: ServiceIntent[] = [];
  if (open && request.payment.status !== "confirmed") intents.push("service.confirm_payment");
  if (working && diploma?.status === "issued") {
    if (kase.kind === "certified_copy") intents.push("service.deliver_copy");
    if (kase.kind === "confirmation") intents.push("service.sign_confirmation");
    if (kase.kind === "correction" && !link) intents.push("service.start_correction");
  }
  if (open && kase.kind === "correction" && link) intents.push("service.finish_correction");
  return {
    kind: kase.kind,
    caseCode: kase.code,
    open,
    request,
    diploma,
    resultDocumentId: kase.resultDocumentId,
    correction: link
      ? {
          diplomaId: link.diplomaId,
          batchId: link.batchId,
          status: draft?.status ?? "draft",
          serial: draft?.serial ?? null,
        }
      : null,
    resultDiplomaId: kase.resultDiplomaId,
    intents,
    schoolCode: organisationId ? await findOrganisationCode(db, organisationId) : null,
  };
}

type PanelError = DeliverCopyError | SignConfirmationError | ServiceCorrectionError;

const PANEL_FAILURES = {
  ...CASE_FAILURES,
  no_active_key: { status: 409, message: "services.panel.error.no_active_key" },
  key_unreadable: { status: 503, message: "services.panel.error.key_unreadable" },
  organisation_not_found: { status: 404, message: "cases.error.not_found" },
  no_diploma: { status: 409, message: "services.panel.error.no_diploma" },
  diploma_not_standing: { status: 409, message: "services.panel.error.diploma_not_standing" },
  tracking_required: { status: 400, message: "services.panel.error.tracking_required" },
  address_required: { status: 400, message: "services.panel.error.address_required" },
  not_allowed: { status: 409, message: "services.panel.error.diploma_not_standing" },
  already_started: { status: 409, message: "services.panel.error.already_started" },
  personal_id_unreadable: { status: 503, message: "services.panel.error.personal_id_unreadable" },
  reason_required: { status: 400, message: "services.panel.error.reason_required" },
  correction_not_started: { status: 409, message: "services.panel.error.correction_not_started" },
  correction_not_signed: { status: 409, message: "services.panel.error.correction_not_signed" },
} as const satisfies FailureTable<PanelError>;

function failed(code: PanelError): PanelIntentResult {
  const f = PANEL_FAILURES[code];
  return { ok: false, status: f.status, message: f.message };
}

const PaymentSchema = z.object({ note: z.string().trim().min(3).max(500) });
const DeliverSchema = z.object({
  delivery: z.enum(["electronic", "post"]),
  trackingNumber: z.string().trim().max(64).optional(),
  postalAddress: z.string().trim().max(500).optional(),
});
const CorrectionSchema = z.object({ reason: z.string().trim().min(5).max(500) });

function fields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string") out[k] = v;
  return out;
}

/** Handles a "service.*" intent; null when the intent is not one of the services'. */
export async function handleServiceIntent(db: Executor, args: PanelIntentArgs): Promise<PanelIntentResult | null> {
  const { kase, viewer, form } = args;
  if (!isServiceKind(kase.kind)) return null;
  const base = {
    caseId: kase.id,
    scope: viewer.scope,
    actor: { userId: viewer.userId, ip: args.ip, role: viewer.role },
    origin: args.origin,
  };
  switch (args.intent) {
    case "service.confirm_payment": {
      const parsed = PaymentSchema.safeParse(fields(form));
      if (!parsed.success)
        return {
          ok: false,
          status: 400,
          message: "services.panel.error.payment_note",
          fieldErrors: { note: "services.panel.error.payment_note" },
        };
      const confirmedAt = new Date();
      const moved = await moveCase(db, {
        ...base,
        action: "note",
        internalNote: `Xác nhận đã nhận lệ phí: ${parsed.data.note}`,
        data: { payment: "confirmed" },
        detailsPatch: {
          payment: {
            status: "confirmed",
            note: parsed.data.note,
            confirmedAt: confirmedAt.toISOString(),
            by: viewer.userId,
          },
        },
        now: confirmedAt,
      });
      return moved.ok ? { ok: true, notice: "services.panel.notice.payment" } : failed(moved.code);
    }
    case "service.deliver_copy": {
      const parsed = DeliverSchema.safeParse(fields(form));
      if (!parsed.success) return { ok: false, status: 400, message: "form.invalid" };
      const done = await deliverCertifiedCopy(db, { ...base, ...parsed.data });
      return done.ok ? { ok: true, notice: "services.panel.notice.delivered" } : failed(done.code);
    }
    case "service.sign_confirmation": {
      const done = await signConfirmationLetter(db, base);
      return done.ok ? { ok: true, notice: "services.panel.notice.confirmation" } : failed(done.code);
    }
    case "service.start_correction": {
      const parsed = CorrectionSchema.safeParse(fields(form));
      if (!parsed.success)
        return {
          ok: false,
          status: 400,
          message: "services.panel.error.reason_required",
          fieldErrors: { reason: "services.panel.error.reason_required" },
        };
      const done = await startServiceCorrection(db, { ...base, reason: parsed.data.reason });
      return done.ok ? { ok: true, notice: "services.panel.notice.correction_started" } : failed(done.code);
    }
    case "service.finish_correction": {
      const done = await finishServiceCorrection(db, base);
      return done.ok ? { ok: true, notice: "services.panel.notice.correction_finished" } : failed(done.code);
    }
    default:
      return null;
  }
}
