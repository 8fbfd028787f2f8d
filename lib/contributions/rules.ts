import type { ContributionKind, ContributionStatus } from "../db/generated/enums.ts";

// The limits and words of a contribution, shared by the form (client) and the server: no server imports.

export const CONTRIBUTION_KINDS = ["view", "wish", "feeling", "proud", "other"] as const satisfies readonly ContributionKind[];
export const MAX_BODY_CHARACTERS = 5_000;
/** An answer is due this many working days (England) after a contribution is sent. */
export const ANSWER_WORKING_DAYS = 10;

/** Steps a sender follows, in order (withdrawn stands apart). */
export const STATUS_STEPS = ["sent", "opened", "answered", "added"] as const satisfies readonly ContributionStatus[];

/** Still waiting on the caseworker: counts as unanswered, and as overdue once its due date has passed. */
export function isAwaitingAnswer(status: ContributionStatus): boolean {
  return status === "sent" || status === "opened";
}

/** The sender can take it back only until a caseworker has opened it. */
export function mayWithdraw(status: ContributionStatus): boolean {
  return status === "sent";
}
