import { z } from "zod";
import { plainText } from "../plain-text.ts";

// One schema per input of a correction request. Messages are keys in the "corrections" texts.

export const MAX_TEXT = 5_000;
const text = (required: boolean, key = "corrections:errors.tooLong") => {
  const base = plainText(MAX_TEXT, key);
  return required ? base.refine((s) => s.length > 0, "corrections:errors.empty") : base;
};

// "entryId" for a whole entry, "entryId:position" for one part of it.
const ITEM = /^([0-9a-f-]{36})(?::(\d{1,3}))?$/i;
export type RequestItem = { entryId: string; sectionPosition: number | null };
const item = z.string().regex(ITEM).transform((v): RequestItem => {
  const [, entryId, position] = v.match(ITEM)!;
  return { entryId: entryId!.toLowerCase(), sectionPosition: position === undefined ? null : Number(position) };
});

export const requestForm = z.object({
  childId: z.uuid(),
  submissionKey: z.uuid(),
  items: z.array(item, "corrections:errors.noEntry").min(1, "corrections:errors.noEntry").max(50),
  whatIsWrong: text(true),
  whatItShouldSay: text(false),
});
export type RequestForm = z.infer<typeof requestForm>;

export const requestRef = z.object({ childId: z.uuid(), requestId: z.uuid() });
/** Staff steps carry the version they saw: a second person deciding at once gets a conflict. */
const versioned = requestRef.extend({ version: z.coerce.number().int().positive() });

export const questionForm = versioned.extend({ note: text(true) });
export const answerForm = requestRef.extend({ note: text(true) });
export const extendForm = versioned.extend({ months: z.coerce.number().int(), reason: text(true) });
export const reviewForm = versioned;

export const decisionForm = versioned.extend({
  outcome: z.enum(["corrected", "partly_corrected", "not_corrected"], "corrections:errors.outcome"),
  reason: text(false),
});
export const toldForm = versioned.extend({ note: text(true) });
export const disagreementForm = requestRef.extend({ entryId: z.uuid(), text: text(true) });

// The conversation (issue 16): a staff reply needs words; the requester's answer may be words,
// files (checked by the server, as evidence is) or both. The one-time key makes a second submit
// find the first message.
export const replyMessageForm = requestRef.extend({ submissionKey: z.uuid(), body: text(true) });
export const answerMessageForm = requestRef.extend({ submissionKey: z.uuid(), body: text(false) });
