import type { ServicePanelData } from "~/modules/services/panel-data";

/** The online services' panel on the staff's case page (filled in by the services' module). */
export function ServicePanel(_props: { data: ServicePanelData | null; caseCode: string }) {
  return null;
}
