// How hard the portal's words are to read: the Flesch-Kincaid grade level of a set of strings,
// given as a reading age (UK reading ages run five years ahead of US grades: grade 4 ≈ age 9).
// Shared by scripts/i18n-reading-age.ts and tests/unit/reading-age.test.ts.
import { flatten, type Tree } from "./keys.ts";

/**
 * What a child (or the parent beside them) reads, in one place: each namespace they read, with the
 * parts of it only staff read (a key or a key prefix). Left out entirely: staff and admin (staff
 * screens). Left out of shared namespaces: security's admin part (resetting others' codes); the
 * caseworker, manager, team, translator and advocate home pages and staff task lists; staff
 * inboxes; recording and reviewing shares, and their errors; deciding and extending correction
 * requests, and their errors; the release button only a worker presses. A key segment named
 * "staff" (record.byReader.*.staff) or ending in "Staff" (corrections.list.titleStaff) is always
 * staff-only.
 */
export const CHILD_FACING: Readonly<Record<string, readonly string[]>> = {
  account: [],
  advocate: [],
  auth: [],
  common: [],
  consent: [
    ...["staff", "share", "review"],
    ...["noteNeeded", "nameNeeded", "purposeNeeded", "topicNeeded", "reasonNeeded", "recipientNeeded", "entriesNeeded", "descriptionNeeded", "noConsent", "consentExpired"].map((k) => `errors.${k}`),
  ],
  contributions: ["staff", "inbox"],
  copy: [],
  corrections: [
    ...["staff", "statusStaff"],
    ...["outcome", "reasonNeeded", "noFix", "fixNotCorrected", "extension"].map((k) => `errors.${k}`),
    ...["decided", "told", "replied", "extended"].map((k) => `detail.done.${k}`),
  ],
  email: [],
  errors: [],
  files: [],
  glossary: [],
  home: ["advocate", "caseworker", "manager", "admin", "team", "tasks", "translator", "translationRequests"],
  news: [],
  record: ["release"],
  security: ["admin"],
};

/** The English variants and the highest reading age each may have. */
export const READING_AGE_LIMITS: Readonly<Record<string, number>> = { en: 12, "en-x-easy": 9 };

/** Strings shorter than this are labels and buttons: too short for a reading age of their own. */
export const MIN_WORDS_FOR_OWN_AGE = 8;

/** The child-facing strings of one variant's namespaces, in file order. */
export function childFacingStrings(namespaces: Record<string, Tree>): string[] {
  return Object.entries(CHILD_FACING).flatMap(([ns, staffParts]) =>
    [...flatten(namespaces[ns] ?? {})]
      .filter(([key]) => {
        const parts = key.split(".");
        const staffPart = staffParts.some((p) => key === p || key.startsWith(`${p}.`));
        return !staffPart && !parts.some((p) => p === "staff" || p.endsWith("Staff"));
      })
      .map(([, text]) => text),
  );
}

/** The words a reader reads: {{placeholders}} and $t(...) nestings taken out. */
export function readableText(text: string): string {
  return text.replace(/\{\{[^}]*\}\}/g, " ").replace(/\$t\([^)]*\)/g, " ");
}

export const words = (text: string): string[] => readableText(text).match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];

/** Sentences: runs ending in . ! ? or …; a string without one (a heading, a button) is one sentence. */
export function sentenceCount(text: string): number {
  const parts = readableText(text)
    .split(/[.!?…]+(?=\s|$)/)
    .filter((p) => /[\p{L}\p{N}]/u.test(p));
  return Math.max(1, parts.length);
}

/**
 * An English word's syllables, by the usual rules: vowel groups (y counts, but not as a first
 * letter), less a silent ending (make, times, asked, whale; not table, boxes, wanted), plus vowel
 * pairs said apart (ra-di-o, me-di-a, ac-tu-al; not spe-cial or na-tion). Numbers count one
 * syllable a digit group. Right to within a syllable on most words, which is what a grade level
 * over hundreds of words needs.
 */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/['’].*$/, "");
  if (/^\p{N}+$/u.test(w)) return 1;
  if (w.length <= 3) return 1;
  const trimmed = w
    .replace(/([aeiouy])le$/, "$1l")
    .replace(/([^laeiouyscgxzh])es$/, "$1")
    .replace(/([^laeioutd])ed$/, "$1")
    .replace(/([^laeiouy])e$/, "$1")
    .replace(/^y/, "");
  const groups = trimmed.match(/[aeiouy]+/g)?.length ?? 0;
  const apart = trimmed.match(/(?<![tscgx])i[ao]|(?<![qg])ua/g)?.length ?? 0;
  return Math.max(1, groups + apart);
}

export type ReadingAge = { strings: number; words: number; sentences: number; syllables: number; age: number };

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Flesch-Kincaid over the strings taken together, as a reading age (grade + 5). */
export function readingAge(strings: readonly string[]): ReadingAge {
  let w = 0;
  let s = 0;
  let syl = 0;
  for (const text of strings) {
    const ws = words(text);
    if (!ws.length) continue;
    w += ws.length;
    s += sentenceCount(text);
    syl += ws.reduce((sum, x) => sum + syllables(x), 0);
  }
  const grade = w ? 0.39 * (w / s) + 11.8 * (syl / w) - 15.59 : 0;
  return { strings: strings.length, words: w, sentences: s, syllables: syl, age: round1(grade + 5) };
}

/** The strings long enough to have an age of their own ({@link MIN_WORDS_FOR_OWN_AGE}) whose age is above the limit. */
export function stringsAbove(strings: readonly string[], limit: number): { measured: number; above: string[] } {
  const measured = strings.filter((t) => words(t).length >= MIN_WORDS_FOR_OWN_AGE);
  return { measured: measured.length, above: measured.filter((t) => readingAge([t]).age > limit) };
}
