import { randomUUID } from "node:crypto";
import { asDate, asEnum, asJson, asTextList, asTimestamp, type Column } from "./bulk-insert.ts";
import { mapEntryColumns } from "./map.ts";
import type { PreparedEntry } from "./prepare.ts";
import type { ImportAttachment, ImportRestriction, ImportSection, ImportTranslation } from "./types.ts";

// The rows an entry is written as, and the columns of each table, for the batched INSERTs
// (bulk-insert.ts). Enum values are sent in the file's spelling, which is the SQL enum's own
// (Prisma's names replace its hyphens with underscores). Absent optional fields become null, as
// map.ts says for the Prisma writes.

export type NewEntry = { id: string; childId: string; prepared: PreparedEntry; columns: ReturnType<typeof mapEntryColumns> };

export function newEntry(childId: string, prepared: PreparedEntry): NewEntry {
  return { id: randomUUID(), childId, prepared, columns: mapEntryColumns(prepared.entry) };
}
type Part<T> = { entryId: string; part: T; index: number };
type AttachmentRow = { entryId: string; part: Omit<ImportAttachment, "contentBase64">; fileId: string };
type VersionRow = { entryId: string; version: number; prepared: PreparedEntry; importId: string };

export type EntryRows = {
  sections: Part<ImportSection>[];
  translations: Part<ImportTranslation>[];
  exclusions: { entryId: string; personId: string }[];
  attachments: AttachmentRow[];
  restrictions: Part<ImportRestriction>[];
  versions: VersionRow[];
};

export function emptyRows(): EntryRows {
  return { sections: [], translations: [], exclusions: [], attachments: [], restrictions: [], versions: [] };
}

// fileIds: StoredFile ids by the sha256 of their bytes.
export type RowScope = { personIds: ReadonlyMap<string, string>; fileIds: ReadonlyMap<string, string>; importRunId: string };

/**
 * Adds the entry's sections, translations, exclusions, attachments and version to `rows`. The
 * restriction is the caller's: a changed entry's existing restriction is updated in place.
 */
export function addEntryRows(rows: EntryRows, entryId: string, version: number, prepared: PreparedEntry, scope: RowScope) {
  const { entry } = prepared;
  entry.sections.forEach((part, index) => rows.sections.push({ entryId, part, index }));
  (entry.translations ?? []).forEach((part, index) => rows.translations.push({ entryId, part, index }));
  // Validation guarantees each excluded id names a person of this child.
  for (const id of entry.sharing.excludePeople ?? []) rows.exclusions.push({ entryId, personId: scope.personIds.get(id)! });
  // Each record keeps the name and type its own extract gave: the StoredFile row is shared by
  // every record holding the same bytes and keeps only the name it was first stored under.
  for (const { source, size: _size, ...part } of prepared.attachments) rows.attachments.push({ entryId, part, fileId: scope.fileIds.get(source.sha256)! });
  // Every version, the first included, is appended to EntryVersion, which is never updated.
  rows.versions.push({ entryId, version, prepared, importId: scope.importRunId });
}

const id = () => randomUUID();
const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
const timestamp = (value: string) => new Date(value).toISOString();
const entryColumn = <K extends keyof NewEntry["columns"]>(key: K) => (row: NewEntry) => row.columns[key] as string | boolean | null;

export const ENTRY_COLUMNS: Column<NewEntry>[] = [
  ["id", "text", (r) => r.id],
  ["childId", "text", (r) => r.childId],
  ["externalId", "text", (r) => r.prepared.entry.externalId],
  ["version", "int4", () => 1],
  ["contentHash", "text", (r) => r.prepared.hash],
  ["type", "text", (r) => r.prepared.entry.type, asEnum("EntryType")],
  ["title", "text", entryColumn("title")],
  ["occurredAt", "text", (r) => timestamp(r.prepared.entry.occurredAt), asTimestamp],
  ["recordedAt", "text", (r) => timestamp(r.prepared.entry.recordedAt), asTimestamp],
  ["authorName", "text", entryColumn("authorName")],
  ["authorRole", "text", entryColumn("authorRole")],
  ["originatorName", "text", entryColumn("originatorName")],
  ["originatorRole", "text", entryColumn("originatorRole")],
  ["status", "text", (r) => r.prepared.entry.status, asEnum("EntryStatus")],
  ["supersedesExternalId", "text", entryColumn("supersedesExternalId")],
  ["withChild", "bool", entryColumn("withChild")],
  ["withFamily", "bool", entryColumn("withFamily")],
  ["readWithWorker", "bool", entryColumn("readWithWorker")],
  ["belongsToChild", "bool", entryColumn("belongsToChild")],
  ["originalLocation", "text", entryColumn("originalLocation")],
  ["decision", "text", (r) => json(r.prepared.entry.decision), asJson],
  ["visit", "text", (r) => json(r.prepared.entry.visit), asJson],
  ["updatedAt", "text", () => null, "now()"],
];

export const SECTION_COLUMNS: Column<Part<ImportSection>>[] = [
  ["id", "text", id],
  ["entryId", "text", (r) => r.entryId],
  ["position", "int4", (r) => r.index],
  ["text", "text", (r) => r.part.text],
  ["nature", "text", (r) => r.part.nature, asEnum("SectionNature")],
  ["source", "text", (r) => r.part.source, asEnum("SectionSource")],
  ["sourceName", "text", (r) => r.part.sourceName ?? null],
];

export const TRANSLATION_COLUMNS: Column<Part<ImportTranslation>>[] = [
  ["id", "text", id],
  ["entryId", "text", (r) => r.entryId],
  ["locale", "text", (r) => r.part.locale],
  ["title", "text", (r) => r.part.title],
  ["sections", "text", (r) => JSON.stringify(r.part.sections), asTextList],
  ["translatedBy", "text", (r) => r.part.translatedBy],
  ["checkedBy", "text", (r) => r.part.checkedBy ?? null],
  ["translatedAt", "text", (r) => timestamp(r.part.translatedAt), asTimestamp],
];

export const EXCLUSION_COLUMNS: Column<EntryRows["exclusions"][number]>[] = [
  ["entryId", "text", (r) => r.entryId],
  ["personId", "text", (r) => r.personId],
];

export const ATTACHMENT_COLUMNS: Column<AttachmentRow>[] = [
  ["id", "text", id],
  ["entryId", "text", (r) => r.entryId],
  ["externalId", "text", (r) => r.part.externalId],
  ["fileId", "text", (r) => r.fileId],
  ["fileName", "text", (r) => r.part.fileName],
  ["mediaType", "text", (r) => r.part.mediaType],
];

export const RESTRICTION_COLUMNS: Column<Part<ImportRestriction>>[] = [
  ["id", "text", id],
  ["entryId", "text", (r) => r.entryId],
  ["reason", "text", (r) => r.part.reason, asEnum("RestrictionReason")],
  ["note", "text", (r) => r.part.note ?? null],
  ["decidedBy", "text", (r) => r.part.decidedBy],
  ["reviewDue", "text", (r) => r.part.reviewDue ?? null, asDate],
];

export const VERSION_COLUMNS: Column<VersionRow>[] = [
  ["id", "text", id],
  ["entryId", "text", (r) => r.entryId],
  ["version", "int4", (r) => r.version],
  ["contentHash", "text", (r) => r.prepared.hash],
  ["content", "text", (r) => JSON.stringify(r.prepared.content), asJson],
  ["importId", "text", (r) => r.importId],
];
