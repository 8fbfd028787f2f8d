import { z } from "zod";

// Decision and visit details are stored as JSON in the import's shape; read them through a
// schema so a malformed row shows nothing rather than something wrong.

const decisionSchema = z.object({
  madeBy: z.string(),
  reasons: z.string(),
  optionsConsidered: z.string().optional(),
  childView: z.string().optional(),
  familyView: z.string().optional(),
});

const visitSchema = z.object({
  venue: z.string(),
  present: z.array(z.string()),
  purpose: z.string().optional(),
  childSeen: z.boolean(),
  childSeenAlone: z.boolean().optional(),
  notAloneReason: z.string().optional(),
  interpreterUsed: z.boolean().optional(),
});

export type DecisionDetails = z.infer<typeof decisionSchema>;
export type VisitDetails = z.infer<typeof visitSchema>;

export function readDecision(json: unknown): DecisionDetails | null {
  const parsed = decisionSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export function readVisit(json: unknown): VisitDetails | null {
  const parsed = visitSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
