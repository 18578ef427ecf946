/**
 * The edges of the feedback channel: the public form, the Q&A search API's query, the answer and publish forms of
 * the staff's panel, and the voters' petition form. Messages are catalogue keys. Pure.
 */
import { z } from "zod";
import { FEEDBACK_CAPACITIES, FEEDBACK_FORM_KINDS, FEEDBACK_TOPICS } from "./topics";

export const TITLE_MAX = 300;
export const BODY_MAX = 5000;
export const ANSWER_MAX = 10000;
export const QUERY_MAX = 200;

/** Submissions per client address and hour (the form is public). */
export const FEEDBACK_RATE_LIMIT = { limit: 5, windowSeconds: 3600 } as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "feedback.error.tooLong")
    .optional()
    .transform((v) => v || null);

export const FeedbackFormSchema = z
  .object({
    kind: z.enum(FEEDBACK_FORM_KINDS, { errorMap: () => ({ message: "feedback.error.kind" }) }),
    addressee: z.enum(["ministry", "school"], { errorMap: () => ({ message: "feedback.error.addressee" }) }),
    organisationCode: optionalText(32),
    topic: z.enum(FEEDBACK_TOPICS, { errorMap: () => ({ message: "feedback.error.topic" }) }),
    title: z.string().trim().min(5, "feedback.error.title").max(TITLE_MAX, "feedback.error.tooLong"),
    body: z.string().trim().min(10, "feedback.error.body").max(BODY_MAX, "feedback.error.tooLong"),
    capacity: z.enum(FEEDBACK_CAPACITIES, { errorMap: () => ({ message: "feedback.error.capacity" }) }),
    name: optionalText(200),
    email: z
      .string()
      .trim()
      .max(254, "feedback.error.tooLong")
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), "feedback.error.email"),
    phone: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || /^\+?[0-9 .-]{8,20}$/.test(v), "feedback.error.phone"),
    consent: z
      .string()
      .optional()
      .transform((v) => v === "on" || v === "true" || v === "1"),
  })
  .superRefine((v, ctx) => {
    if (v.addressee === "school" && !v.organisationCode)
      ctx.addIssue({ code: "custom", path: ["organisationCode"], message: "feedback.error.school" });
  });
export type FeedbackFormInput = z.infer<typeof FeedbackFormSchema>;

/** GET /api/v1/questions?q=…&limit=…&topic=… */
export const QuestionSearchSchema = z.object({
  q: z.string().trim().min(1, "q is required").max(QUERY_MAX, `q is at most ${QUERY_MAX} characters`),
  limit: z.coerce.number().int().min(1).max(20).default(10),
  topic: z.enum(FEEDBACK_TOPICS).optional(),
});

export const AnswerFormSchema = z.object({
  answer: z.string().trim().min(10, "feedback.error.answer").max(ANSWER_MAX, "feedback.error.tooLong"),
});

export const PublishFormSchema = z.object({
  question: z
    .string()
    .trim()
    .min(10, "feedback.error.question")
    .max(BODY_MAX + TITLE_MAX, "feedback.error.tooLong"),
  answer: z.string().trim().min(10, "feedback.error.answer").max(ANSWER_MAX, "feedback.error.tooLong"),
  topic: z.enum(FEEDBACK_TOPICS, { errorMap: () => ({ message: "feedback.error.topic" }) }),
});

/** A published answer as lists and the search API show it. */
export interface AnswerHit {
  id: string;
  topic: string;
  question: string;
  answer: string;
  organisationName: string | null;
  publishedAt: string;
  documentId: string | null;
}

/** A voters' petition, entered by the ministry from the National Assembly's letter. */
export const VoterPetitionSchema = z.object({
  deputy: z.string().trim().min(3, "feedback.error.deputy").max(200, "feedback.error.tooLong"),
  province: z.string().trim().min(2, "feedback.error.province").max(100, "feedback.error.tooLong"),
  session: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .refine((v) => /^[IVXL]{1,6}-\d{1,2}$/.test(v), "feedback.error.session"),
  sessionOpensOn: z
    .string()
    .trim()
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), "feedback.error.sessionOpensOn"),
  topic: z.enum(FEEDBACK_TOPICS, { errorMap: () => ({ message: "feedback.error.topic" }) }),
  title: z.string().trim().min(5, "feedback.error.title").max(TITLE_MAX, "feedback.error.tooLong"),
  body: z.string().trim().min(10, "feedback.error.body").max(BODY_MAX, "feedback.error.tooLong"),
});
export type VoterPetitionInput = z.infer<typeof VoterPetitionSchema>;
