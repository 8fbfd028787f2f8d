import { z } from "zod";
import { isLocale } from "../i18n/config.ts";
import { plainText } from "../plain-text.ts";

// One schema per translation input (issue 10). The form has one box per part of the entry, named
// section-0, section-1...: they are gathered here into `sections`, in order. The server checks
// that there is one for every part of the entry it translates.
export const MAX_SECTIONS = 100;
export const sectionField = (i: number) => `section-${i}`;
export const SECTION_FIELDS = Array.from({ length: MAX_SECTIONS }, (_, i) => sectionField(i));

const text = (max: number) => plainText(max, "staff:translation.errors.tooLong").refine((s) => s.length > 0, "staff:translation.errors.empty");

function gatherSections(raw: unknown) {
  if (typeof raw !== "object" || raw === null) return raw;
  const values = raw as Record<string, unknown>;
  const sections = SECTION_FIELDS.filter((name) => name in values).map((name) => values[name]);
  return { ...values, sections };
}

export const submitTranslationForm = z.preprocess(gatherSections, z.object({
  childId: z.uuid(),
  entryId: z.uuid(),
  locale: z.string().refine(isLocale, "staff:translation.errors.choose"),
  title: text(500),
  sections: z.array(text(20_000)).min(1).max(MAX_SECTIONS),
  translatedBy: text(200),
}));

export const checkTranslationForm = z.object({
  childId: z.uuid(),
  draftId: z.uuid(),
  outcome: z.enum(["approved", "returned"], "staff:translation.errors.choose"),
  note: plainText(2000, "staff:translation.errors.tooLong"),
});

export type SubmitTranslationInput = z.infer<typeof submitTranslationForm>;
export type CheckTranslationInput = z.infer<typeof checkTranslationForm>;
