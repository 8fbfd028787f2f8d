import "server-only";

// A child's record as each viewer may see it: the find* functions, which take the actor and shape
// every query through lib/access. Pages use the loaders (./loaders.ts: session, not-found), kept out
// of this index so scripts and other domains never load Next.
export { findChronology, findLatestCaseSummary, PAGE_SIZE, type ChronologyItem, type ChronologyPage } from "./chronology.ts";
export { ENTRY_TYPES, PERIODS, parseChronologyQuery, type ChronologyQuery } from "./chronology-filter.ts";
export { findEntryForViewer, ORIGINAL_LOCALE, type EntryView, type EntrySection } from "./entry.ts";
export { findThings, findAttachmentForViewer, type Thing } from "./things.ts";
export { findAccessLog, recordView, type AccessLogGroup, type AccessLogItem, type ViewedPart } from "./access-log.ts";
export { openRecord } from "./open-record.ts";
export { lateByDays } from "./late-entry.ts";
export { releaseEntry } from "./release.ts";
// For the modules that grew out of the record: translations and restrictions change an entry
// under its lock; the PDF renders the record's copy with the entry page's section labels. (The entry
// page's form posts share ./entry-post.ts, which redirects: imported directly, like loaders.)
export { lockEntry, type LockedEntry } from "./entry-lock.ts";
export { collectCopy, type CopyEntry, type RecordCopy } from "./copy.ts";
export { sectionLabel } from "./section-label.ts";
