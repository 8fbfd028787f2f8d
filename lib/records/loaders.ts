import "server-only";
import { notFound } from "next/navigation";
import { audienceOf, readerOf, type Actor } from "../access/index.ts";
import { requireSession } from "../auth/current.ts";
import { systemClock } from "../clock.ts";
import { getDb, type Db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { configuredFileStore } from "../files/index.ts";
import { getLocale } from "../i18n/server.ts";
import { loadNews } from "../news/loaders.ts";
import type { EntryDone } from "../paths.ts";
import { findAccessLog, recordView, type ViewedPart } from "./access-log.ts";
import { findChronology, findLatestCaseSummary } from "./chronology.ts";
import { parseChronologyQuery } from "./chronology-filter.ts";
import { findEntryForViewer } from "./entry.ts";
import { findStaffEntryFacts } from "./staff-entry.ts";
import { openRecord } from "./open-record.ts";
import { findAttachmentForViewer, findThings } from "./things.ts";
import { hasRequestedTranslation } from "./translation-requests.ts";
import { summariseWithheld } from "./withheld.ts";

// One loader per record page: session, the record this viewer may open, the data through the
// policy, and the view written to the access log. Anything not theirs answers "not found".

export type RecordCtx = { db: Db; actor: Actor; childId: string; locale: string };
type Ctx = RecordCtx;
type Params = Record<string, string | string[] | undefined>;

// `viewed` names the entry looked at, when there is one (known only after loading, for a file).
// Other domains' record pages (contributions, corrections) load through it too.
export async function withRecord<T>(childId: string, part: ViewedPart, load: (ctx: Ctx) => Promise<T>, viewed?: (data: T) => string | undefined) {
  const { actor } = await requireSession();
  const [db, locale] = await Promise.all([getDb(), getLocale()]);
  try {
    // Every query below carries the access rules itself, so it can run alongside the check that
    // the record is theirs; its answer is used only once that check has passed.
    const loading = load({ db, actor, childId, locale });
    loading.catch(() => {}); // if the record check fails, that is the error to report
    const record = await openRecord(db, actor, childId);
    const data = await loading;
    await recordView({ db, clock: systemClock, actor, childId: record.id, part, entryId: viewed?.(data) });
    return { actor, reader: readerOf(actor), record, locale, ...data };
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}

export function loadChronology(childId: string, searchParams: Params) {
  const query = parseChronologyQuery(searchParams);
  return withRecord(childId, "chronology", async ({ db, actor, childId, locale }) => {
    // What's new for this record heads its first screen; a filtered or later page is for reading entries.
    const first = !query.type && !query.period && !query.before && !query.after;
    const [page, latestSummary, news] = await Promise.all([
      findChronology({ db, actor, childId, locale, query }),
      findLatestCaseSummary({ db, actor, childId }),
      first ? loadNews(actor, { childId }) : null,
    ]);
    return { query, page, latestSummary, news };
  });
}

export function loadEntry(childId: string, entryId: string, searchParams: Params) {
  const original = searchParams.original === "1";
  return withRecord(
    childId,
    "entry",
    async ({ db, actor, childId, locale }) => {
      const [entry, staff] = await Promise.all([
        findEntryForViewer({ db, actor, childId, entryId, locale, original }),
        findStaffEntryFacts({ db, actor, childId, entryId, now: systemClock.now() }),
      ]);
      const translationRequested = entry.kind === "readable" && entry.untranslatedFor ? await hasRequestedTranslation(db, actor, entry.id, locale) : false;
      return { entry, staff, translationRequested, actionFailed: searchParams.problem === "1", done: entryDone(searchParams.done) };
    },
    () => entryId,
  );
}

const ENTRY_DONE: readonly EntryDone[] = ["proposed", "withheld", "lifted", "decided", "reviewed", "translationSent", "translationApproved", "translationReturned", "translationAsked"];
const entryDone = (v: unknown) => ENTRY_DONE.find((d) => d === v) ?? null;

export function loadWithheld(childId: string) {
  return withRecord(childId, "withheld", async ({ db, actor, childId }) => ({
    reasons: await summariseWithheld({ db, clock: systemClock, actor, childId }),
    forFamily: audienceOf(actor) === "family",
  }));
}

export function loadThings(childId: string) {
  return withRecord(childId, "things", async ({ db, actor, childId, locale }) => ({
    things: await findThings({ db, actor, childId, locale }),
  }));
}

export function loadAccessLog(childId: string, searchParams: Params) {
  const before = typeof searchParams.before === "string" ? searchParams.before : undefined;
  const now = systemClock.now();
  return withRecord(childId, "access-log", async ({ db, actor, childId, locale }) => ({
    log: await findAccessLog({ db, actor, childId, locale, now, before }),
  }));
}

/** One attachment opened for the download route: its bytes are read as the response streams. */
export async function loadAttachment(childId: string, attachmentId: string) {
  return withRecord(childId, "file", async ({ db, actor, childId }) => {
    const file = await findAttachmentForViewer({ db, actor, childId, attachmentId });
    const content = await configuredFileStore().open(db, file.storageKey);
    return { file, content };
  }, (data) => data.file.entryId);
}
