import type { FakeReportOutcome } from "./schema";

/** What the staff's case page shows in the fake reports' panel: what was reported, and the verdict form. */
export interface FakeReportPanelData {
  qr: string | null;
  verdict: string | null;
  outcome: FakeReportOutcome | null;
  /** The signed result, once closed (public at /documents/{id}). */
  resultDocumentId: string | null;
  /** Whether the viewer may close it now (genuine | fake). */
  canResolve: boolean;
}
