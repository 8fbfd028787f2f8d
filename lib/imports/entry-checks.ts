import { decodeBase64, isKnownMediaType, matchesMediaType, MAX_ATTACHMENT_BYTES } from "./attachment-bytes.ts";
import { joinPath } from "./json-path.ts";
import { findDuplicateIds } from "./duplicates.ts";
import { isObj, objectsIn, str, type Obj } from "./shape.ts";
import type { ImportProblem } from "./types.ts";

export type ChildContext = {
  path: string;
  // This child's people in the file plus those already linked to the child in the database.
  personIds: ReadonlySet<string>;
  // This child's entries in the file plus those already in the database.
  entryIds: ReadonlySet<string>;
};

export function checkEntry(entry: Obj, e: number, child: ChildContext): ImportProblem[] {
  const path = joinPath(joinPath(child.path, "entries"), e);
  return [
    ...checkTimes(entry, path),
    ...checkSupersedes(entry, path, child),
    ...checkExclusions(entry, path, child),
    ...checkTranslations(entry, path),
    ...findDuplicateIds(objectsIn(entry.attachments), (i) => joinPath(joinPath(path, "attachments"), i)),
    ...objectsIn(entry.attachments).flatMap(([a, i]) => checkAttachment(a, joinPath(joinPath(path, "attachments"), i))),
  ];
}

function checkTimes(entry: Obj, path: string): ImportProblem[] {
  const occurred = Date.parse(str(entry.occurredAt) ?? "");
  const recorded = Date.parse(str(entry.recordedAt) ?? "");
  if (Number.isNaN(occurred) || Number.isNaN(recorded) || recorded >= occurred) return [];
  return [{ path: `${path}.recordedAt`, message: "is before occurredAt: an entry cannot be written before it happened" }];
}

function checkSupersedes(entry: Obj, path: string, child: ChildContext): ImportProblem[] {
  const target = str(entry.supersedes);
  if (target === undefined) return [];
  if (target === entry.externalId) return [{ path: `${path}.supersedes`, message: "must name another entry, not this one" }];
  if (child.entryIds.has(target)) return [];
  return [{ path: `${path}.supersedes`, message: "does not name an entry of this child in the file or already imported" }];
}

function checkExclusions(entry: Obj, path: string, child: ChildContext): ImportProblem[] {
  const sharing = isObj(entry.sharing) ? entry.sharing : {};
  const ids = Array.isArray(sharing.excludePeople) ? sharing.excludePeople : [];
  const seen = new Set<string>();
  return ids.flatMap((id, i): ImportProblem[] => {
    if (typeof id !== "string") return [];
    const at = `${path}.sharing.excludePeople[${i}]`;
    if (seen.has(id)) return [{ path: at, message: "names the same person twice" }];
    seen.add(id);
    return child.personIds.has(id) ? [] : [{ path: at, message: "does not name a person of this child in the file or already imported" }];
  });
}

function checkTranslations(entry: Obj, path: string): ImportProblem[] {
  const expected = Array.isArray(entry.sections) ? entry.sections.length : undefined;
  const locales = new Set<string>();
  return objectsIn(entry.translations).flatMap(([t, i]): ImportProblem[] => {
    const at = joinPath(joinPath(path, "translations"), i);
    const problems: ImportProblem[] = [];
    const locale = str(t.locale);
    if (locale !== undefined && locales.has(locale)) problems.push({ path: `${at}.locale`, message: "repeats the language of an earlier translation" });
    if (locale !== undefined) locales.add(locale);
    if (Array.isArray(t.sections) && expected !== undefined && t.sections.length !== expected) {
      problems.push({ path: `${at}.sections`, message: `has ${t.sections.length} sections but the entry has ${expected}; they must line up one to one` });
    }
    return problems;
  });
}

function checkAttachment(attachment: Obj, path: string): ImportProblem[] {
  const content = str(attachment.contentBase64);
  if (content === undefined) return [];
  const bytes = decodeBase64(content);
  if (!bytes) return [{ path: `${path}.contentBase64`, message: "is not valid base64" }];
  if (bytes.length > MAX_ATTACHMENT_BYTES) return [{ path: `${path}.contentBase64`, message: "is larger than 10 MB" }];
  // An unknown mediaType is already reported by the schema.
  const mediaType = str(attachment.mediaType);
  if (mediaType && isKnownMediaType(mediaType) && !matchesMediaType(bytes, mediaType)) {
    return [{ path: `${path}.contentBase64`, message: "does not contain a file of the declared mediaType" }];
  }
  return [];
}
