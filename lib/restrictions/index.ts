import "server-only";

// Keeping an entry back from the child (issue 10): a caseworker proposes, a manager of the child's
// team decides and reviews by a date, and the child is told only the reasons that are safe to tell.
// Who may propose and decide, and what is withheld from whom: lib/access (isStaffWorker,
// mayDecideRestrictions, withheldEntryWhere).
export { decideRestriction, proposeRestriction, reviewRestriction } from "./workflow.ts";
export { restrictionVersion } from "./version.ts";
export { summariseWithheld, type WithheldReason } from "./withheld.ts";
export {
  decideRestrictionForm,
  proposeRestrictionForm,
  RESTRICTION_REASONS,
  reviewRestrictionForm,
  type DecideRestrictionInput,
  type ProposeRestrictionInput,
  type ReviewRestrictionInput,
} from "./form.ts";
