import "server-only";

// A child's record as each viewer may see it. Pages use the loaders; tests and other domains use
// the find* functions, which take the actor and shape every query through lib/access.
export { loadAccessLog, loadAttachment, loadChronology, loadEntry, loadThings, loadWithheld, withRecord, type RecordCtx } from "./loaders.ts";
export { findChronology, findLatestCaseSummary, PAGE_SIZE, type ChronologyItem, type ChronologyPage } from "./chronology.ts";
export { ENTRY_TYPES, PERIODS, parseChronologyQuery, type ChronologyQuery } from "./chronology-filter.ts";
export { findEntryForViewer, ORIGINAL_LOCALE, type EntryView, type EntrySection } from "./entry.ts";
export { summariseWithheld, DISCLOSED_REASONS, type WithheldReason } from "./withheld.ts";
export { findThings, findAttachmentForViewer, type Thing } from "./things.ts";
export { findAccessLog, recordView, type AccessLogGroup, type AccessLogItem, type ViewedPart } from "./access-log.ts";
export { openRecord } from "./open-record.ts";
export { lateByDays } from "./late-entry.ts";
export { askTranslator, findOpenTranslationRequests, hasRequestedTranslation, requestTranslation, type OpenTranslationRequest } from "./translation-requests.ts";
export { releaseEntry } from "./release.ts";
