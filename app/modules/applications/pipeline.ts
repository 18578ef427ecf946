import type { ApplicationStatus } from "../../../db/schema/jobs";

/**
 * The applicant pipeline: new → shortlisted → interview → offer → hired, or rejected from any open stage (and
 * reconsidered back to shortlisted). Pure.
 */
export const PIPELINE_MOVES: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  new: ["shortlisted", "interview", "rejected"],
  shortlisted: ["interview", "offer", "rejected"],
  interview: ["offer", "shortlisted", "rejected"],
  offer: ["hired", "rejected"],
  hired: [],
  rejected: ["shortlisted"],
};

export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return PIPELINE_MOVES[from].includes(to);
}
