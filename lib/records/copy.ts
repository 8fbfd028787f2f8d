import "server-only";
import { readableEntryWhere, type Actor } from "../access/index.ts";
import type { Db } from "../db/index.ts";
import type { EntryStatus, EntryType } from "../db/generated/enums.ts";
import { newerThan, type Cursor } from "./cursor.ts";
import { readDecision, readVisit, type DecisionDetails, type VisitDetails } from "./entry-details.ts";
import { ORIGINAL_LOCALE, type EntrySection } from "./entry.ts";
import { lateByDays } from "./late-entry.ts";
import { openRecord } from "./open-record.ts";

// "A copy to keep": every entry this viewer may read, the way the entry page shows it to them.
// Only readableEntryWhere decides what goes in, so entries waiting to be read with a worker,
// entries kept back under a restriction and entries that exclude the viewer are never loaded.
// Oldest first, like a life story read from the beginning; a later copy then only adds pages at
// the end instead of moving every page. Entries are read in batches of 500 with a keyset cursor,
// as the PDF is written, so a record of 10,000 entries is never in memory all at once.

export const COPY_BATCH = 500;

export type CopyEntry = {
  id: string;
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
  /** Shown in the viewer's language: who translated and checked it. */
  translation: { translatedBy: string; checkedBy: string | null } | null;
  /** The viewer reads a language this entry has not been translated into yet. */
  untranslated: boolean;
  files: string[];
};

export type RecordCopy = {
  child: { id: string; name: string };
  madeFor: string;
  madeAt: Date;
  locale: string;
  /** How many entries the copy holds (counted when it was made). */
  total: number;
  entries: AsyncIterable<CopyEntry>;
};

export async function collectCopy(input: { db: Db; actor: Actor; childId: string; locale: string; now?: Date; batchSize?: number }): Promise<RecordCopy> {
  const { db, actor, locale } = input;
  const record = await openRecord(db, actor, input.childId);
  const total = await db.entry.count({ where: readableEntryWhere(actor, record.id) });
  return {
    child: { id: record.id, name: record.name },
    madeFor: actor.displayName,
    madeAt: input.now ?? new Date(),
    locale,
    total,
    entries: readEntries(db, actor, record.id, locale, input.batchSize ?? COPY_BATCH),
  };
}

async function* readEntries(db: Db, actor: Actor, childId: string, locale: string, size: number): AsyncGenerator<CopyEntry> {
  let after: Cursor | null = null;
  for (;;) {
    const rows = await readBatch(db, actor, childId, locale, after, size);
    for (const row of rows) yield toCopyEntry(row, locale);
    if (rows.length < size) return;
    const last = rows[rows.length - 1];
    after = { at: last.occurredAt, id: last.id };
  }
}

function readBatch(db: Db, actor: Actor, childId: string, locale: string, after: Cursor | null, size: number) {
  return db.entry.findMany({
    where: { AND: [readableEntryWhere(actor, childId), ...(after ? [newerThan(after)] : [])] },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    take: size,
    include: {
      sections: { orderBy: { position: "asc" } },
      translations: { where: { locale } },
      // The name this record gave the file, never the shared StoredFile's first-stored name.
      attachments: { orderBy: { externalId: "asc" }, select: { fileName: true } },
    },
  });
}

type Row = Awaited<ReturnType<typeof readBatch>>[number];

// The same choice as the entry page: a translation is used when it covers every section.
function toCopyEntry(e: Row, locale: string): CopyEntry {
  const tr = locale === ORIGINAL_LOCALE ? undefined : e.translations[0];
  const use = tr && tr.sections.length === e.sections.length ? tr : undefined;
  return {
    id: e.id,
    type: e.type,
    status: e.status,
    title: use ? use.title : e.title,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    lateByDays: lateByDays(e.occurredAt, e.recordedAt),
    author: { name: e.authorName, role: e.authorRole },
    originator: e.originatorName && e.originatorName !== e.authorName ? { name: e.originatorName, role: e.originatorRole } : null,
    sections: e.sections.map((s, i) => ({ text: use ? use.sections[i] : s.text, nature: s.nature, source: s.source, sourceName: s.sourceName })),
    decision: readDecision(e.decision),
    visit: readVisit(e.visit),
    translation: use ? { translatedBy: use.translatedBy, checkedBy: use.checkedBy } : null,
    untranslated: locale !== ORIGINAL_LOCALE && !use,
    files: e.attachments.map((a) => a.fileName),
  };
}
