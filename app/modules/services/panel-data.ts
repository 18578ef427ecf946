/** What the staff's case page shows in the online services' panel (certified copy, correction, confirmation). */
export type ServicePanelData = { kind: "none" };
