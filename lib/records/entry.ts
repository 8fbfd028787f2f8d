import "server-only";
import { audienceOf, isWaitingFor, listedEntryWhere, readableEntryWhere, type Actor } from "../access/index.ts";
import type { Db } from "../db/index.ts";
import type { EntryType } from "../db/generated/enums.ts";
import { NotFound } from "../errors/index.ts";
import { ORIGINAL_LOCALE, presentContent, titleFor, type EntryContent } from "./entry-content.ts";
import { findCorrectedVersions, findDisagreements, type Disagreement, type EarlierVersion } from "./entry-history.ts";

export { ORIGINAL_LOCALE, type EntrySection } from "./entry-content.ts";
export type LinkedEntry = { id: string; title: string };

export type EntryView =
  | { kind: "waiting"; id: string; type: EntryType; occurredAt: Date }
  | (EntryContent & {
      kind: "readable";
      id: string;
      translation: { locale: string; translatedBy: string; checkedBy: string | null; showingOriginal: boolean } | null;
      /** The viewer reads a language this entry has no translation into. */
      untranslatedFor: string | null;
      replacedBy: LinkedEntry | null;
      replaces: LinkedEntry | null;
      attachments: { id: string; fileName: string; mediaType: string; size: number }[];
      belongsToChild: boolean;
      originalLocation: string | null;
      /** For staff: whether the child is waiting to read this with a worker. */
      readWithWorker: { releasedAt: Date | null } | null;
      /** Statements of disagreement standing with the entry, and its wording before each correction. */
      disagreements: Disagreement[];
      earlierVersions: EarlierVersion[];
    });

/** One entry as this viewer may see it; NotFound when it is not theirs to see (or does not exist). */
export async function findEntryForViewer(input: {
  db: Db;
  actor: Actor;
  childId: string;
  entryId: string;
  locale: string;
  original?: boolean;
}): Promise<EntryView> {
  const { db, actor, childId, entryId, locale } = input;
  if (!/^[0-9a-f-]{36}$/i.test(entryId)) throw new NotFound();
  const listed = await db.entry.findFirst({
    where: { AND: [listedEntryWhere(actor, childId), { id: entryId }] },
    select: { id: true, type: true, occurredAt: true, readWithWorker: true, releasedAt: true },
  });
  if (!listed) throw new NotFound();
  if (isWaitingFor(actor, listed)) {
    return { kind: "waiting", id: listed.id, type: listed.type, occurredAt: listed.occurredAt };
  }
  return loadReadable(db, actor, childId, entryId, locale, input.original ?? false);
}

async function loadReadable(db: Db, actor: Actor, childId: string, entryId: string, locale: string, original: boolean): Promise<EntryView> {
  const e = await db.entry.findFirst({
    where: { AND: [readableEntryWhere(actor, childId), { id: entryId }] },
    include: {
      sections: { orderBy: { position: "asc" } },
      translations: { where: { locale } },
      // Name and type as this record gave them; only the size comes from the shared StoredFile.
      attachments: { orderBy: { externalId: "asc" }, select: { id: true, fileName: true, mediaType: true, file: { select: { size: true } } } },
    },
  });
  if (!e) throw new NotFound();
  const { content, translation: tr, used } = presentContent(e, locale, original);
  const [replacedBy, replaces, disagreements, earlierVersions] = await Promise.all([
    linked(db, actor, childId, locale, { supersedesExternalId: e.externalId }),
    e.supersedesExternalId ? linked(db, actor, childId, locale, { externalId: e.supersedesExternalId }) : null,
    findDisagreements(db, e.id),
    e.version > 1 ? findCorrectedVersions(db, e.id) : [],
  ]);
  return {
    kind: "readable",
    id: e.id,
    ...content,
    translation: tr ? { locale: tr.locale, translatedBy: tr.translatedBy, checkedBy: tr.checkedBy, showingOriginal: !used } : null,
    untranslatedFor: locale !== ORIGINAL_LOCALE && !tr ? locale : null,
    replacedBy,
    replaces,
    attachments: e.attachments.map((a) => ({ id: a.id, fileName: a.fileName, mediaType: a.mediaType, size: a.file.size })),
    belongsToChild: e.belongsToChild,
    originalLocation: e.originalLocation,
    readWithWorker: e.readWithWorker && audienceOf(actor) === "staff" ? { releasedAt: e.releasedAt } : null,
    disagreements,
    earlierVersions,
  };
}

// A link to a related entry only when the viewer may read that one too.
async function linked(db: Db, actor: Actor, childId: string, locale: string, where: { supersedesExternalId?: string; externalId?: string }) {
  const row = await db.entry.findFirst({
    where: { AND: [readableEntryWhere(actor, childId), where] },
    orderBy: { occurredAt: "desc" },
    select: { id: true, title: true, translations: { where: { locale }, select: { title: true } } },
  });
  return row ? { id: row.id, title: titleFor(row) } : null;
}
