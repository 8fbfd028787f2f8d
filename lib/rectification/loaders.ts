import "server-only";
import { notFound } from "next/navigation";
import { audienceOf, listedEntryWhere, maySendContribution, readableEntryWhere, readerOf, type Actor } from "../access/index.ts";
import { requireSession } from "../auth/current.ts";
import { systemClock } from "../clock.ts";
import { getDb, type Db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { configuredFileStore } from "../files/index.ts";
import { getLocale } from "../i18n/server.ts";
import { openRecord, recordView } from "../records/index.ts";
import { findOpenRequests, findRequest, findRequestFile, findRequestsOnRecord } from "./queries.ts";
import { startReview } from "./steps.ts";

// One loader per corrections page: session, the record this person may open, the data through
// the access rules, and the view in the record's access log. Anything not theirs is "not found".

type Ctx = { db: Db; actor: Actor; childId: string; now: Date };
type Query = Record<string, string | string[] | undefined>;

async function withRequests<T>(childId: string, load: (ctx: Ctx) => Promise<T>) {
  const { actor } = await requireSession();
  const [db, locale] = await Promise.all([getDb(), getLocale()]);
  try {
    const record = await openRecord(db, actor, childId);
    const data = await load({ db, actor, childId: record.id, now: systemClock.now() });
    await recordView({ db, clock: systemClock, actor, childId: record.id, part: "corrections" });
    return { actor, reader: readerOf(actor), record, locale, staff: audienceOf(actor) === "staff", ...data };
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}

export function loadRequestsOnRecord(childId: string) {
  return withRequests(childId, async (ctx) => ({ items: await findRequestsOnRecord(ctx) }));
}

/** The form, opened from an entry (and a part of it) the requester may read. */
export function loadRequestForm(childId: string, query: Query) {
  const entryId = typeof query.entry === "string" ? query.entry : "";
  const part = typeof query.part === "string" && /^\d{1,3}$/.test(query.part) ? Number(query.part) : null;
  return withRequests(childId, async ({ db, actor, childId }) => {
    if (!maySendContribution(actor) || !/^[0-9a-f-]{36}$/i.test(entryId)) throw new AppError("NOT_FOUND", "Not theirs to ask");
    const entry = await db.entry.findFirst({
      where: { AND: [{ id: entryId }, readableEntryWhere(actor, childId)] },
      select: { id: true, title: true, sections: { select: { position: true, text: true }, orderBy: { position: "asc" } } },
    });
    if (!entry) throw new AppError("NOT_FOUND", "Entry not readable");
    // Other entries the same mistake may be in: the newest the requester can see.
    const others = await db.entry.findMany({
      where: { AND: [listedEntryWhere(actor, childId), readableEntryWhere(actor, childId), { id: { not: entry.id } }] },
      select: { id: true, title: true, occurredAt: true },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: 30,
    });
    return { entry, part: part !== null && part < entry.sections.length ? part : null, others };
  });
}

/** One request. A member of staff opening a new one starts its review. */
export function loadRequest(childId: string, requestId: string) {
  return withRequests(childId, async (ctx) => {
    await startReview({ ...ctx, clock: systemClock, requestId });
    return { request: await findRequest({ ...ctx, requestId }) };
  });
}

/** For the staff home: open requests, overdue first. */
export async function loadOpenRequests(actor: Actor) {
  return findOpenRequests({ db: await getDb(), actor, now: systemClock.now() });
}

/** An evidence file, streamed, for someone who may read the request. */
export async function loadRequestFile(childId: string, requestId: string, attachmentId: string) {
  const { actor } = await requireSession();
  const db = await getDb();
  try {
    const record = await openRecord(db, actor, childId);
    const file = await findRequestFile({ db, actor, childId: record.id, requestId, attachmentId });
    const content = await configuredFileStore().open(db, file.file.storageKey);
    await recordView({ db, clock: systemClock, actor, childId: record.id, part: "corrections" });
    return { file, content };
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}
