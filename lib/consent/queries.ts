import "server-only";
import { childWhereForActor, type Actor } from "../access/index.ts";
import { fromDateColumn, londonDate, toDateColumn, type CivilDate } from "../calendar/index.ts";
import type { Db, Prisma } from "../db/index.ts";
import { NotFound } from "../errors/index.ts";
import { whoDecides } from "./who-decides.ts";

/**
 * "Who can see my information": for each topic the current choice (derived from the newest
 * decision; a consent past its expiry no longer stands), who made it, when and on what basis, and
 * every earlier decision; and who decides. For anyone who may open the record.
 */
export async function findConsent(input: { db: Db; actor: Actor; childId: string; now: Date }) {
  const { db, actor, childId } = input;
  const child = await db.child.findFirst({ where: { AND: [{ id: childId }, childWhereForActor(actor)] }, select: { id: true } });
  if (!child) throw new NotFound();
  const today = londonDate(input.now);
  const [deciders, topics] = await Promise.all([
    whoDecides(db, childId),
    db.consentTopic.findMany({
      where: { childId },
      orderBy: [{ recipient: "asc" }, { recipientName: "asc" }, { purpose: "asc" }],
      select: {
        id: true, recipient: true, recipientName: true, purpose: true,
        decisions: {
          orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
          take: 50,
          select: { id: true, choice: true, basis: true, expiresOn: true, decidedAt: true, note: true, replacesId: true, decidedBy: { select: { displayName: true } } },
        },
      },
    }),
  ]);
  return {
    deciders,
    topics: topics.map((t) => {
      const history = inChainOrder(t.decisions).map((d) => ({
        id: d.id, choice: d.choice, basis: d.basis, decidedAt: d.decidedAt, note: d.note, by: d.decidedBy.displayName,
        expiresOn: d.expiresOn ? fromDateColumn(d.expiresOn) : null,
      }));
      const latest = history[0] ?? null;
      const expired = Boolean(latest?.choice === "given" && latest.expiresOn && latest.expiresOn < today);
      return { id: t.id, recipient: t.recipient, recipientName: t.recipientName, purpose: t.purpose, current: latest, expired, standing: latest?.choice === "given" && !expired, history };
    }),
  };
}
export type ConsentView = Awaited<ReturnType<typeof findConsent>>;

/**
 * Topics where no choice stands, so the person who decides is waited for: never decided, or a yes
 * whose end day has passed. The same rule as findConsent's "expired", as a where clause: the
 * newest decision settles a topic when it is a no, or a yes with no end day or one not yet passed.
 */
export function undecidedTopicWhere(today: CivilDate): Prisma.ConsentTopicWhereInput {
  return { decisions: { none: { replacedBy: null, OR: [{ choice: "withdrawn" }, { expiresOn: null }, { expiresOn: { gte: toDateColumn(today) } }] } } };
}

/**
 * Newest first by the chain each decision keeps (it names the one it replaced), not by clock: two
 * decisions in the same millisecond still have a clear order, and the standing one is the one
 * nothing has replaced.
 */
function inChainOrder<D extends { id: string; replacesId: string | null }>(decisions: D[]): D[] {
  const replaced = new Set(decisions.map((d) => d.replacesId));
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const out: D[] = [];
  for (let d = decisions.find((x) => !replaced.has(x.id)); d && out.length < decisions.length; d = d.replacesId ? byId.get(d.replacesId) : undefined) out.push(d);
  return out;
}
