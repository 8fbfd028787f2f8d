import "server-only";
import { readableEntryWhere, type Actor } from "../access/index.ts";
import type { Db } from "../db/index.ts";
import { newerThan, type Cursor } from "./cursor.ts";
import { ORIGINAL_LOCALE, presentContent, type EntryContent } from "./entry-content.ts";
import { openRecord } from "./open-record.ts";

// "A copy to keep": every entry this viewer may read, the way the entry page shows it to them.
// Only readableEntryWhere decides what goes in, so entries waiting to be read with a worker,
// entries kept back under a restriction and entries that exclude the viewer are never loaded.
// Oldest first, like a life story read from the beginning; a later copy then only adds pages at
// the end instead of moving every page. Entries are read in batches of 500 with a keyset cursor,
// as the PDF is written, so a record of 10,000 entries is never in memory all at once.

export const COPY_BATCH = 500;

export type CopyEntry = EntryContent & {
  id: string;
  /** Shown in the viewer's language: who translated and checked it. */
  translation: { translatedBy: string; checkedBy: string | null } | null;
  /** The viewer reads a language this entry has not been translated into yet. */
  untranslated: boolean;
  files: string[];
  /** Statements of disagreement: they stand with the entry wherever it appears. */
  disagreements: { name: string; text: string }[];
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
      disagreements: { orderBy: { createdAt: "asc" }, select: { text: true, author: { select: { displayName: true } } } },
    },
  });
}

type Row = Awaited<ReturnType<typeof readBatch>>[number];

// The same content and translation choice as the entry page (entry-content.ts).
function toCopyEntry(e: Row, locale: string): CopyEntry {
  const { content, translation, used } = presentContent(e, locale);
  return {
    id: e.id,
    ...content,
    translation: used && translation ? { translatedBy: translation.translatedBy, checkedBy: translation.checkedBy } : null,
    untranslated: locale !== ORIGINAL_LOCALE && !used,
    files: e.attachments.map((a) => a.fileName),
    disagreements: e.disagreements.map((d) => ({ name: d.author.displayName, text: d.text })),
  };
}
