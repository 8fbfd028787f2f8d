import "server-only";
import path from "node:path";
import { notFound } from "next/navigation";
import { type Actor } from "../access/index.ts";
import { requireSession } from "../auth/current.ts";
import { systemClock } from "../clock.ts";
import { getDb, type Db } from "../db/index.ts";
import { dataDir } from "../env.ts";
import { AppError } from "../errors/index.ts";
import { createLocalFileStore } from "../files/index.ts";
import { getLocale } from "../i18n/server.ts";
import { findAccessLog, recordView, type ViewedPart } from "./access-log.ts";
import { findChronology, findLatestCaseSummary } from "./chronology.ts";
import { parseChronologyQuery } from "./chronology-filter.ts";
import { findEntryForViewer } from "./entry.ts";
import { openRecord, type OpenRecord } from "./open-record.ts";
import { findAttachmentForViewer, findThings } from "./things.ts";
import { hasRequestedTranslation } from "./translation-requests.ts";
import { summariseWithheld } from "./withheld.ts";

// One loader per record page: session, the record this viewer may open, the data through the
// policy, and the view written to the access log. Anything not theirs answers "not found".

type Ctx = { db: Db; actor: Actor; record: OpenRecord; locale: string };
type Params = Record<string, string | string[] | undefined>;

async function withRecord<T>(childId: string, part: ViewedPart, load: (ctx: Ctx) => Promise<T>, entryId?: string) {
  const { actor } = await requireSession();
  const [db, locale] = await Promise.all([getDb(), getLocale()]);
  try {
    const record = await openRecord(db, actor, childId);
    const data = await load({ db, actor, record, locale });
    await recordView({ db, clock: systemClock, actor, childId: record.id, part, entryId });
    return { actor, record, locale, ...data };
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}

export function loadChronology(childId: string, searchParams: Params) {
  const query = parseChronologyQuery(searchParams);
  return withRecord(childId, "chronology", async ({ db, actor, record, locale }) => {
    const [page, latestSummary] = await Promise.all([
      findChronology({ db, actor, childId: record.id, locale, query }),
      findLatestCaseSummary({ db, actor, childId: record.id }),
    ]);
    return { query, page, latestSummary };
  });
}

export function loadEntry(childId: string, entryId: string, searchParams: Params) {
  const original = searchParams.original === "1";
  return withRecord(
    childId,
    "entry",
    async ({ db, actor, record, locale }) => {
      const entry = await findEntryForViewer({ db, actor, childId: record.id, entryId, locale, original });
      const translationRequested = entry.kind === "readable" && entry.untranslatedFor ? await hasRequestedTranslation(db, actor, entry.id, locale) : false;
      return { entry, translationRequested };
    },
    entryId,
  );
}

export function loadWithheld(childId: string) {
  return withRecord(childId, "withheld", async ({ db, actor, record }) => ({
    reasons: await summariseWithheld({ db, actor, childId: record.id }),
  }));
}

export function loadThings(childId: string) {
  return withRecord(childId, "things", async ({ db, actor, record, locale }) => ({
    things: await findThings({ db, actor, childId: record.id, locale }),
  }));
}

export function loadAccessLog(childId: string, searchParams: Params) {
  const before = typeof searchParams.before === "string" ? searchParams.before : undefined;
  return withRecord(childId, "access-log", async ({ db, actor, record, locale }) => ({
    log: await findAccessLog({ db, actor, childId: record.id, locale, before }),
  }));
}

/** The bytes of one attachment, for the download route. */
export async function loadAttachment(childId: string, attachmentId: string) {
  return withRecord(childId, "file", async ({ db, actor, record }) => {
    const file = await findAttachmentForViewer({ db, actor, childId: record.id, attachmentId });
    const bytes = await createLocalFileStore(path.join(dataDir, "files")).get(file.storageKey);
    return { file, bytes };
  });
}
