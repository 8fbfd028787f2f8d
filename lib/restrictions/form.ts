import { z } from "zod";
import { plainText } from "../plain-text.ts";

// One schema per restriction input (issue 10). Messages are keys in the "staff" texts. The server
// checks the rest: that the entry is the worker's, that a review date is in the coming year, that
// nothing else is waiting for a manager.
export const RESTRICTION_REASONS = ["serious_harm", "confidential", "third_party", "court"] as const;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const reason = z.preprocess(blankToUndefined, z.enum(RESTRICTION_REASONS, "staff:restriction.errors.reasonNeeded").optional());
const reviewDue = z.preprocess(blankToUndefined, z.iso.date("staff:restriction.errors.date").optional());
/** What the manager saw (lib/restrictions/version.ts): someone else's change in between is a conflict. */
const version = z.coerce.number().int().nonnegative();
const note = plainText(2000, "staff:restriction.errors.tooLong").refine((s) => s.length > 0, "staff:restriction.errors.noteNeeded");

/** A caseworker asks to withhold an entry from the child, or to show it again (a manager's own is decided at once). */
export const proposeRestrictionForm = z.object({
  childId: z.uuid(),
  entryId: z.uuid(),
  change: z.enum(["withhold", "lift"], "staff:restriction.errors.choose"),
  reason,
  note,
  reviewDue,
});

/** A manager decides a proposal: as asked, with a different reason or review date, or not at all. */
export const decideRestrictionForm = z.object({
  childId: z.uuid(),
  proposalId: z.uuid(),
  version,
  outcome: z.enum(["approved", "changed", "rejected"], "staff:restriction.errors.choose"),
  reason,
  note,
  reviewDue,
});

/** A manager's review of a withholding: it still applies (until the next review), or it ends now. */
export const reviewRestrictionForm = z.object({
  childId: z.uuid(),
  entryId: z.uuid(),
  version,
  stillApplies: z.enum(["yes", "no"], "staff:restriction.errors.choose").transform((v) => v === "yes"),
  note,
  reviewDue,
});

export type ProposeRestrictionInput = z.infer<typeof proposeRestrictionForm>;
export type DecideRestrictionInput = z.infer<typeof decideRestrictionForm>;
export type ReviewRestrictionInput = z.infer<typeof reviewRestrictionForm>;
