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

const MAX_SECTION_LENGTH = 20_000;

export const submitTranslationForm = z.preprocess(gatherSections, z.object({
  childId: z.uuid(),
  entryId: z.uuid(),
  locale: z.string().refine(isLocale, "staff:translation.errors.choose"),
  title: text(500),
  sections: z.array(plainText(Number.MAX_SAFE_INTEGER, "staff:translation.errors.tooLong")).min(1).max(MAX_SECTIONS),
  translatedBy: text(200),
}).superRefine((v, ctx) => {
  // Said against the part's own box (section-N), not against the list.
  v.sections.forEach((s, i) => {
    const message = !s ? "staff:translation.errors.empty" : [...s].length > MAX_SECTION_LENGTH ? "staff:translation.errors.tooLong" : null;
    if (message) ctx.addIssue({ code: "custom", path: [sectionField(i)], message });
  });
}));

export const checkTranslationForm = z.object({
  childId: z.uuid(),
  draftId: z.uuid(),
  outcome: z.enum(["approved", "returned"], "staff:translation.errors.choose"),
  note: plainText(2000, "staff:translation.errors.tooLong"),
});

export type SubmitTranslationInput = z.infer<typeof submitTranslationForm>;
export type CheckTranslationInput = z.infer<typeof checkTranslationForm>;
