/**
 * The feedback channel's fixed lists: the kinds a citizen may send, the topics, and the submitter's capacities, with
 * their catalogue keys. Pure (shared by the form, the library and the staff's panel).
 */
import type { MessageKey } from "~/lib/i18n";

/** What a citizen sends through /feedback (voters' petitions are entered by the ministry). */
export const FEEDBACK_FORM_KINDS = ["question", "feedback", "petition"] as const;
export type FeedbackFormKind = (typeof FEEDBACK_FORM_KINDS)[number];

export const FEEDBACK_TOPICS = [
  "admission",
  "curriculum",
  "diplomas",
  "fees_support",
  "quality_assurance",
  "teachers",
  "business_internship",
  "other",
] as const;
export type FeedbackTopic = (typeof FEEDBACK_TOPICS)[number];

export const TOPIC_LABELS: Record<FeedbackTopic, MessageKey> = {
  admission: "feedback.topic.admission",
  curriculum: "feedback.topic.curriculum",
  diplomas: "feedback.topic.diplomas",
  fees_support: "feedback.topic.fees_support",
  quality_assurance: "feedback.topic.quality_assurance",
  teachers: "feedback.topic.teachers",
  business_internship: "feedback.topic.business_internship",
  other: "feedback.topic.other",
};

export function isFeedbackTopic(value: string | null | undefined): value is FeedbackTopic {
  return (FEEDBACK_TOPICS as readonly string[]).includes(value ?? "");
}

export const FEEDBACK_CAPACITIES = ["citizen", "business", "school_staff", "employer"] as const;
export type FeedbackCapacity = (typeof FEEDBACK_CAPACITIES)[number];

export const CAPACITY_LABELS: Record<FeedbackCapacity, MessageKey> = {
  citizen: "feedback.capacity.citizen",
  business: "feedback.capacity.business",
  school_staff: "feedback.capacity.school_staff",
  employer: "feedback.capacity.employer",
};

export const FORM_KIND_LABELS: Record<FeedbackFormKind, MessageKey> = {
  question: "feedback.kind.question",
  feedback: "feedback.kind.feedback",
  petition: "feedback.kind.petition",
};

export const FORM_KIND_HINTS: Record<FeedbackFormKind, MessageKey> = {
  question: "feedback.kind.question.hint",
  feedback: "feedback.kind.feedback.hint",
  petition: "feedback.kind.petition.hint",
};
