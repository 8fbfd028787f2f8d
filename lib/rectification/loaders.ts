import "server-only";
import { audienceOf, listedEntryWhere, maySendContribution, readableEntryWhere, type Actor } from "../access/index.ts";
import { systemClock } from "../clock.ts";
import { getDb } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { configuredFileStore } from "../files/index.ts";
import { withRecord, type RecordCtx } from "../records/loaders.ts";
import { findOpenRequests, findRequest, findRequestFile, findRequestsOnRecord } from "./queries.ts";
import { startReview } from "./steps.ts";

// Each corrections page loads through the record's own loader (lib/records withRecord): session,
// the record this person may open, the data through the access rules, the view in the access log.
// Anything not theirs is "not found".

type Query = Record<string, string | string[] | undefined>;

function withRequests<T>(childId: string, load: (ctx: RecordCtx & { now: Date }) => Promise<T>) {
  return withRecord(childId, "corrections", async (ctx) => ({ staff: audienceOf(ctx.actor) === "staff", ...(await load({ ...ctx, now: systemClock.now() })) }));
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
export function loadRequestFile(childId: string, requestId: string, attachmentId: string) {
  return withRecord(childId, "corrections", async ({ db, actor, childId }) => {
    const file = await findRequestFile({ db, actor, childId, requestId, attachmentId });
    return { file, content: await configuredFileStore().open(db, file.storageKey) };
  });
}
