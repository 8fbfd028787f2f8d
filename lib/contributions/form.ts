import { z } from "zod";
import { plainText } from "../plain-text.ts";
import { CONTRIBUTION_KINDS, MAX_BODY_CHARACTERS } from "./rules.ts";

// One schema per input, used by the server action (and its messages are keys the form translates).

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid().optional());

export const contributionForm = z.object({
  childId: z.uuid(),
  submissionKey: z.uuid(),
  draftId: optionalId,
  aboutEntryId: optionalId,
  kind: z.enum(CONTRIBUTION_KINDS, "contributions:errors.kind"),
  body: plainText(MAX_BODY_CHARACTERS, "contributions:errors.tooLong"),
  shareWithChild: checkbox,
  shareWithFamily: checkbox,
  intent: z.enum(["send", "draft"]).default("send"),
});
export type ContributionForm = z.infer<typeof contributionForm>;

/** What the browser checks before posting (the rest are hidden fields and files, checked by the server). */
export const contributionText = contributionForm.pick({ kind: true, body: true });
export type ContributionText = z.infer<typeof contributionText>;

export const contributionRef = z.object({ childId: z.uuid(), contributionId: z.uuid() });

export const replyForm = contributionRef.extend({
  body: plainText(MAX_BODY_CHARACTERS, "contributions:errors.tooLong").refine((s) => s.length > 0, "contributions:errors.replyEmpty"),
});

export const addToRecordForm = contributionRef.extend({ withFamily: checkbox });

export const originalForm = contributionRef.extend({
  whereabouts: z.enum(["with_child", "returned", "held_by_council"], "contributions:errors.whereabouts"),
  place: plainText(200, "contributions:errors.placeTooLong"),
  returnedOn: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date("contributions:errors.date").optional()),
});

/**
 * The sender's answer in the conversation (issue 16): words, files (checked by the server, as with
 * the first message), or both. The one-time key makes a second submit find the first answer.
 */
export const answerForm = contributionRef.extend({
  submissionKey: z.uuid(),
  body: plainText(MAX_BODY_CHARACTERS, "contributions:errors.tooLong"),
});

/** What the browser checks before posting an answer (contributions and correction requests alike). */
export const answerText = answerForm.pick({ body: true });
export type AnswerText = z.infer<typeof answerText>;
