import type { EntryStatus, EntryType, SectionNature, SectionSource } from "../db/generated/enums.ts";
import { readDecision, readVisit, type DecisionDetails, type VisitDetails } from "./entry-details.ts";
import { lateByDays } from "./late-entry.ts";

// An entry's content as a reader meets it, in their language where a human translation covers
// it: one rule for the entry page and the PDF copy.

// Entries are written in English by the council's system; other languages come from translations.
export const ORIGINAL_LOCALE = "en";

export type EntrySection = { text: string; nature: SectionNature; source: SectionSource; sourceName: string | null };

export type EntryContent = {
  type: EntryType;
  status: EntryStatus;
  title: string;
  occurredAt: Date;
  recordedAt: Date;
  lateByDays: number | null;
  author: { name: string; role: string };
  originator: { name: string; role: string | null } | null;
  sections: EntrySection[];
  decision: DecisionDetails | null;
  visit: VisitDetails | null;
};

type Translation = { locale: string; title: string; sections: string[]; translatedBy: string; checkedBy: string | null };

export type ContentRow = {
  type: EntryType;
  status: EntryStatus;
  title: string;
  occurredAt: Date;
  recordedAt: Date;
  authorName: string;
  authorRole: string;
  originatorName: string | null;
  originatorRole: string | null;
  decision: unknown;
  visit: unknown;
  sections: EntrySection[];
  /** Loaded with `where: { locale }`: the reader's language only. */
  translations: Translation[];
};

/**
 * The content in the reader's language: a translation is used when it exists, covers every
 * section and the reader has not asked for the original. `translation` is the one that exists
 * (used or not); `used` says whether the content shows it.
 */
export function presentContent(e: ContentRow, locale: string, original = false) {
  const translation = locale === ORIGINAL_LOCALE ? undefined : e.translations[0];
  const used = translation && !original && translation.sections.length === e.sections.length ? translation : undefined;
  const content: EntryContent = {
    type: e.type,
    status: e.status,
    title: used ? used.title : e.title,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    lateByDays: lateByDays(e.occurredAt, e.recordedAt),
    author: { name: e.authorName, role: e.authorRole },
    originator: e.originatorName && e.originatorName !== e.authorName ? { name: e.originatorName, role: e.originatorRole } : null,
    sections: e.sections.map((s, i) => ({ text: used ? used.sections[i] : s.text, nature: s.nature, source: s.source, sourceName: s.sourceName })),
    decision: readDecision(e.decision),
    visit: readVisit(e.visit),
  };
  return { content, translation, used: Boolean(used) };
}

/**
 * An entry's title in the reader's language, from a row loaded with its translations filtered
 * to that language (or without them, for readers of the original). Titles have no sections to
 * cover, so any translation into the language will do.
 */
export function titleFor(row: { title: string; translations?: { title: string }[] }): string {
  return row.translations?.[0]?.title ?? row.title;
}
