import { toDateColumn } from "../calendar/index.ts";
import { Prisma } from "../db/generated/client.ts";
import type { EntryType, Relationship, RestrictionReason, SectionSource } from "../db/generated/enums.ts";
import type { ImportChild, ImportEntry, ImportPerson, ImportRestriction, ImportSection, ImportTranslation } from "./types.ts";

// From the file's words to the database's. Enum values with hyphens are stored under
// underscore names in Prisma (the SQL enum keeps the hyphenated spelling via @map).

const underscore = <T extends string>(value: string) => value.replace(/-/g, "_") as T;

// Absent optional fields become null: the extract is the system of record, so a value it
// no longer sends has been removed there.
export function mapChild(child: ImportChild) {
  return {
    fullName: child.fullName,
    preferredName: child.preferredName ?? null,
    dateOfBirth: toDateColumn(child.dateOfBirth),
    identifier: child.identifier ?? null,
    preferredLanguage: child.preferredLanguage ?? null,
    communicationNeeds: child.communicationNeeds ?? null,
    legalStatus: child.legalStatus ?? null,
    ethnicity: child.ethnicity ?? null,
    religion: child.religion ?? null,
    gender: child.gender ?? null,
  };
}

export function mapPerson(person: ImportPerson) {
  return { fullName: person.fullName, preferredLanguage: person.preferredLanguage ?? null };
}

export function mapChildPerson(person: ImportPerson) {
  return {
    relationship: underscore<Relationship>(person.relationship),
    parentalResponsibility: person.parentalResponsibility ?? false,
    livesWithChild: person.livesWithChild ?? false,
  };
}

/** The Entry columns an import sets (never releasedAt/releasedById: those belong to the portal). */
export function mapEntryColumns(entry: ImportEntry) {
  return {
    type: underscore<EntryType>(entry.type),
    title: entry.title,
    occurredAt: new Date(entry.occurredAt),
    recordedAt: new Date(entry.recordedAt),
    authorName: entry.author.name,
    authorRole: entry.author.role,
    originatorName: entry.originator?.name ?? null,
    originatorRole: entry.originator?.role ?? null,
    status: entry.status,
    supersedesExternalId: entry.supersedes ?? null,
    withChild: entry.sharing.withChild,
    withFamily: entry.sharing.withFamily,
    readWithWorker: entry.sharing.readWithWorker ?? false,
    belongsToChild: entry.belongsToChild ?? false,
    originalLocation: entry.originalLocation ?? null,
    decision: entry.decision ?? Prisma.DbNull,
    visit: entry.visit ?? Prisma.DbNull,
  };
}

export function mapSections(sections: ImportSection[]) {
  return sections.map((s, position) => ({
    position,
    text: s.text,
    nature: s.nature,
    source: underscore<SectionSource>(s.source),
    sourceName: s.sourceName ?? null,
  }));
}

export function mapTranslations(translations: ImportTranslation[] = []) {
  return translations.map((t) => ({
    locale: t.locale,
    title: t.title,
    sections: t.sections,
    translatedBy: t.translatedBy,
    checkedBy: t.checkedBy ?? null,
    translatedAt: new Date(t.translatedAt),
  }));
}

export function mapRestriction(r: ImportRestriction) {
  return {
    reason: underscore<RestrictionReason>(r.reason),
    note: r.note ?? null,
    decidedBy: r.decidedBy,
    reviewDue: r.reviewDue ? toDateColumn(r.reviewDue) : null,
  };
}
