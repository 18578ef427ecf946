/** The case core's enumerations, for browser code (no database import): re-exported from the schema file's types. */
export type { CaseKind, CaseStatus, CaseNews } from "../../../db/schema/cases";
