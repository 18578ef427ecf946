/** What the staff's case page shows in the feedback panel (questions, feedback, petitions, voters' petitions). */
export type FeedbackPanelData = { kind: "none" };
