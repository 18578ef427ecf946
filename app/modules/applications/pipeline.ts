import type { ApplicationStatus } from "../../../db/schema/jobs";

/**
 * The applicant pipeline: new → shortlisted → interview → offer → hired, or rejected from any open stage (and
 * reconsidered back to shortlisted). The graduate may withdraw while the application is still open; a withdrawn
 * application is final. Pure.
 */
export const PIPELINE_MOVES: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  new: ["shortlisted", "interview", "rejected"],
  shortlisted: ["interview", "offer", "rejected"],
  interview: ["offer", "shortlisted", "rejected"],
  offer: ["hired", "rejected"],
  hired: [],
  rejected: ["shortlisted"],
  withdrawn: [],
};

export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return PIPELINE_MOVES[from].includes(to);
}

/** Stages from which the graduate may withdraw: not once hired, rejected or already withdrawn. */
const WITHDRAWABLE: readonly ApplicationStatus[] = ["new", "shortlisted", "interview", "offer"];

export function canWithdraw(status: ApplicationStatus): boolean {
  return WITHDRAWABLE.includes(status);
}
