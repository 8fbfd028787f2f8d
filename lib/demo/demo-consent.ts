import type { Actor } from "../access/index.ts";
import type { Clock } from "../clock.ts";
import { addTopic, decideConsent } from "../consent/index.ts";
import type { Db } from "../db/connect.ts";

const DAY = 24 * 60 * 60 * 1000;

/**
 * A consent history for the demo child (C-1001): her caseworker asked about a youth club's trips,
 * her mother gave consent and later withdrew it, so the demo shows a withdrawn consent, and that a
 * share cannot rely on it. Written once, when the demo loads, by lib/consent's own functions, so
 * its history, audit rows and what's-new items are those the portal writes; each decision on a
 * clock set to the day it was made.
 */
export async function addDemoConsent(input: { db: Db; clock: Clock }) {
  const { db, clock } = input;
  const [child, worker, mother] = await Promise.all([
    db.child.findUnique({ where: { externalId: "C-1001" }, select: { id: true } }),
    db.user.findUnique({ where: { username: "jpatel" }, select: actorFields }),
    db.user.findUnique({ where: { username: "sana" }, select: actorFields }),
  ]);
  if (!child || !worker || !mother) return;
  const daysAgo = (days: number): Clock => ({ now: () => new Date(clock.now().getTime() - days * DAY) });
  const topic = await addTopic({ db, actor: actorOf(worker), childId: child.id, recipient: "named_org", recipientName: "Riverside Youth Club", purpose: "Trips and activities" });
  const decide = (days: number, choice: "given" | "withdrawn", note?: string) =>
    decideConsent({ db, clock: daysAgo(days), actor: actorOf(mother), change: { childId: child.id, topicId: topic.id, choice, note } });
  await decide(21, "given");
  await decide(7, "withdrawn", "We would rather talk to the club ourselves.");
}

const actorFields = { id: true, role: true, displayName: true } as const;
const actorOf = (user: { id: string; role: Actor["role"]; displayName: string }): Actor => ({ userId: user.id, role: user.role, displayName: user.displayName });
