import "server-only";
import { audienceOf, readableEntryWhere, type Actor } from "../access/index.ts";
import { londonDate } from "../calendar/index.ts";
import type { Db } from "../db/index.ts";
import { NotFound } from "../errors/index.ts";
import { findConsent } from "./queries.ts";

/** How many of the child's entries the form offers as checkboxes: the most recent ones. */
export const SHAREABLE_ENTRIES = 60;

/**
 * What the "Record a share" form needs, for caseworkers and managers only: consent at a glance
 * (each topic's current choice, who decided, expiry) and the child's most recent entries the
 * worker may read. Families and everyone else find nothing.
 */
export async function findShareFormData(input: { db: Db; actor: Actor; childId: string; now: Date }) {
  const { db, actor, childId } = input;
  if (audienceOf(actor) !== "staff") throw new NotFound();
  const [consent, entries, total] = await Promise.all([
    findConsent({ db, actor, childId, now: input.now }),
    db.entry.findMany({
      where: readableEntryWhere(actor, childId),
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: SHAREABLE_ENTRIES,
      select: { id: true, title: true, occurredAt: true },
    }),
    db.entry.count({ where: readableEntryWhere(actor, childId) }),
  ]);
  const topics = consent.topics.map((t) => ({
    id: t.id, recipient: t.recipient, recipientName: t.recipientName, purpose: t.purpose,
    state: !t.current ? ("notAsked" as const) : t.expired ? ("expired" as const) : t.current.choice,
    by: t.current?.by ?? null, decidedAt: t.current?.decidedAt ?? null, expiresOn: t.current?.expiresOn ?? null,
  }));
  return { topics, entries, moreEntries: total > entries.length, today: londonDate(input.now) };
}
export type ShareFormData = Awaited<ReturnType<typeof findShareFormData>>;
