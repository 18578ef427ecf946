/** Register lines (registerRowFromDiploma + registerRemarks) from the register's diplomas. Pure. */
import { registerRemarks, registerRowFromDiploma, type RegisterRow } from "~/modules/documents/register-row";
import type { DiplomaForRegister, RegisterRemarksInput } from "~/modules/documents/register-row";

export type RegisterLineSource = DiplomaForRegister & RegisterRemarksInput;

export function registerLines(diplomas: readonly RegisterLineSource[]): RegisterRow[] {
  return diplomas.map((d, i) =>
    registerRowFromDiploma(d, {
      no: i + 1,
      remarks: registerRemarks({
        status: d.status,
        // A superseded diploma's stored reason is the machine word "superseded": the remark names the new serial.
        statusReason: d.status === "superseded" ? null : d.statusReason,
        statusChangedAt: d.statusChangedAt,
        supersedesSerial: d.supersedesSerial,
        replacementReason: d.replacementReason,
        supersededBySerial: d.supersededBySerial,
      }),
    }),
  );
}
