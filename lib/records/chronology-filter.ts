import { z } from "zod";
import { EntryType } from "../db/generated/enums.ts";

// The chronology's query string: one schema, so a bad value is ignored rather than trusted.
export const ENTRY_TYPES = Object.values(EntryType);
export const PERIODS = ["current", "historical"] as const;

export const chronologyQuerySchema = z.object({
  type: z.enum(EntryType).optional().catch(undefined),
  period: z.enum(PERIODS).optional().catch(undefined),
  before: z.string().max(200).optional().catch(undefined),
  after: z.string().max(200).optional().catch(undefined),
});

export type ChronologyQuery = z.infer<typeof chronologyQuerySchema>;

export function parseChronologyQuery(params: Record<string, string | string[] | undefined>): ChronologyQuery {
  const single = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return chronologyQuerySchema.parse(single);
}
