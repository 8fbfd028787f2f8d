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
