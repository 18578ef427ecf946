/** The services' words: message keys per service, capacity, correction field and delivery. Pure. */
import type { MessageKey, Translate } from "~/lib/i18n";
import type { Capacity, CorrectionField, ServiceKind } from "./schema";

export const SERVICE_TEXT: Record<ServiceKind, { title: MessageKey; intro: MessageKey }> = {
  certified_copy: { title: "services.certified_copy.title", intro: "services.certified_copy.intro" },
  correction: { title: "services.correction.title", intro: "services.correction.intro" },
  confirmation: { title: "services.confirmation.title", intro: "services.confirmation.intro" },
};

export const CAPACITY_TEXT: Record<Capacity, MessageKey> = {
  self: "services.capacity.self",
  representative: "services.capacity.representative",
  relative: "services.capacity.relative",
  heir: "services.capacity.heir",
};

export const CORRECTION_FIELD_TEXT: Record<CorrectionField, MessageKey> = {
  fullName: "services.field.fullName",
  dateOfBirth: "services.field.dateOfBirth",
  placeOfBirth: "services.field.placeOfBirth",
  gender: "services.field.gender",
  ethnicity: "services.field.ethnicity",
  programmeName: "services.field.programmeName",
  classification: "services.field.classification",
  graduationDate: "services.field.graduationDate",
  other: "services.field.other",
};

/** "Miễn phí" when 0, else the amount in VND with thousands separated by dots. */
export function feeText(t: Translate, feeVnd: number): string {
  if (feeVnd <= 0) return t("services.fee.free");
  return t("services.fee.amount", { amount: feeVnd.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".") });
}
