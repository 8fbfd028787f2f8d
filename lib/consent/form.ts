import { z } from "zod";
import { plainText } from "../plain-text.ts";

// One schema per consent input. Messages are keys in the "consent" texts.
const optionalDate = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.iso.date("consent:errors.date").optional());

export const decisionForm = z.object({
  childId: z.uuid(),
  topicId: z.uuid(),
  choice: z.enum(["given", "withdrawn"]),
  expiresOn: optionalDate,
});

export const RECIPIENTS = ["school", "health", "police", "housing", "youth_justice", "other_council", "named_org"] as const;

export const topicForm = z.object({
  childId: z.uuid(),
  recipient: z.enum(RECIPIENTS, "consent:errors.recipientNeeded"),
  recipientName: plainText(200, "consent:errors.tooLong"),
  purpose: plainText(200, "consent:errors.tooLong").refine((s) => s.length > 0, "consent:errors.purposeNeeded"),
});

export const competenceForm = z.object({
  childId: z.uuid(),
  canDecide: z.enum(["yes", "no"], "consent:errors.choose").transform((v) => v === "yes"),
  note: plainText(2000, "consent:errors.tooLong").refine((s) => s.length > 0, "consent:errors.noteNeeded"),
  assessedOn: z.iso.date("consent:errors.date"),
});

export const advocateChoiceForm = z.object({
  childId: z.uuid(),
  advocateId: z.uuid("advocate:errors.choose"),
  endsOn: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.iso.date("advocate:errors.date").optional()),
});

export const advocateEndForm = z.object({ childId: z.uuid(), grantId: z.uuid() });

export const LAWFUL_BASES = ["consent", "child_safety", "public_interest", "legal_obligation", "court_order"] as const;
export const SHARED_WHAT = ["whole_record", "entries", "described"] as const;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/**
 * Recording a share. What applies depends on the lawful basis: on consent, the consent topic it
 * relies on (its recipient is the share's); otherwise who it went to and why (the reason may be
 * kept from the child). The server checks the rest (that consent still stands, the date is not in
 * the future, the entries are the worker's to read).
 */
export const shareForm = z
  .object({
    childId: z.uuid(),
    lawfulBasis: z.enum(LAWFUL_BASES, "consent:errors.choose"),
    topicId: z.preprocess(blankToUndefined, z.uuid("consent:errors.topicNeeded").optional()),
    recipient: z.preprocess(blankToUndefined, z.enum(RECIPIENTS, "consent:errors.recipientNeeded").optional()),
    recipientName: plainText(200, "consent:errors.tooLong"),
    reason: plainText(2000, "consent:errors.tooLong"),
    reasonWithheld: checkbox,
    what: z.enum(SHARED_WHAT, "consent:errors.choose"),
    entryIds: z.array(z.uuid("consent:errors.entriesNeeded")).max(200, "consent:errors.tooLong").default([]),
    description: plainText(2000, "consent:errors.tooLong"),
    sharedOn: z.iso.date("consent:errors.date"),
    purpose: plainText(200, "consent:errors.tooLong").refine((s) => s.length > 0, "consent:errors.purposeNeeded"),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.lawfulBasis === "consent" && !v.topicId) need("topicId", "consent:errors.topicNeeded");
    if (v.lawfulBasis !== "consent") {
      if (!v.recipient) need("recipient", "consent:errors.recipientNeeded");
      if (v.recipient === "named_org" && !v.recipientName) need("recipientName", "consent:errors.nameNeeded");
      if (!v.reason) need("reason", "consent:errors.reasonNeeded");
    }
    if (v.what === "entries" && v.entryIds.length === 0) need("entryIds", "consent:errors.entriesNeeded");
    if (v.what === "described" && !v.description) need("description", "consent:errors.descriptionNeeded");
  });
export type ShareForm = z.infer<typeof shareForm>;

/** A manager's review of a reason kept from the child. */
export const reviewForm = z.object({
  childId: z.uuid(),
  shareId: z.uuid(),
  outcome: z.enum(["keep_withheld", "show_to_child"], "consent:errors.choose"),
  note: plainText(2000, "consent:errors.tooLong").refine((s) => s.length > 0, "consent:review.errors.noteNeeded"),
});
