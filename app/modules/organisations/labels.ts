/** The message key of each organisation value a page shows; one entry per value, checked by the type system. */
import type { MessageKey } from "~/lib/i18n";
import type { OrganisationKind, OrganisationStatus, Role, SchoolType } from "../../../db/schema/accounts";
import type { StatusChange } from "./organisation-status";

export const ROLE_LABELS = {
  ministry_admin: "role.ministry_admin",
  school_admin: "role.school_admin",
  school_registrar: "role.school_registrar",
  school_principal: "role.school_principal",
  employer_member: "role.employer_member",
  graduate: "role.graduate",
} as const satisfies Record<Role, MessageKey>;

export const ORGANISATION_STATUS_LABELS = {
  pending: "status.pending",
  accredited: "status.accredited",
  rejected: "status.rejected",
  suspended: "status.suspended",
} as const satisfies Record<OrganisationStatus, MessageKey>;

export const ORGANISATION_KIND_LABELS = {
  school: "organisations.kind.school",
  employer: "organisations.kind.employer",
} as const satisfies Record<OrganisationKind, MessageKey>;

export const SCHOOL_TYPE_LABELS = {
  cao_dang: "schoolType.cao_dang",
  trung_cap: "schoolType.trung_cap",
  trung_hoc_nghe: "schoolType.trung_hoc_nghe",
  trung_tam_gdnn: "schoolType.trung_tam_gdnn",
} as const satisfies Record<SchoolType, MessageKey>;

export const STATUS_CHANGE_LABELS = {
  accredit: "organisations.change.accredit",
  reject: "organisations.change.reject",
  suspend: "organisations.change.suspend",
  reinstate: "organisations.change.reinstate",
} as const satisfies Record<StatusChange, MessageKey>;
