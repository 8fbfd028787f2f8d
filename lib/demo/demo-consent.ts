import type { Actor } from "../access/index.ts";
import type { Clock } from "../clock.ts";
import { addTopic, decideConsent } from "../consent/index.ts";
import type { Db } from "../db/connect.ts";

const DAY = 24 * 60 * 60 * 1000;

/**
 * A consent history for the demo child (C-1001): her mother gave consent for a youth club's trips,
 * then withdrew it, so the demo shows what a withdrawn consent looks like, and that a share cannot
 * rely on it. Made through the same domain functions as in the portal, once, when the demo loads.
 */
export async function addDemoConsent(input: { db: Db; clock: Clock }) {
  const { db, clock } = input;
  const [child, worker, mother] = await Promise.all([
    db.child.findUnique({ where: { externalId: "C-1001" }, select: { id: true } }),
    actorOf(db, "jpatel"),
    actorOf(db, "sana"),
  ]);
  if (!child || !worker || !mother) return;
  const topic = await addTopic({ db, actor: worker, childId: child.id, recipient: "named_org", recipientName: "Riverside Youth Club", purpose: "Trips and activities" });
  const at = (daysAgo: number): Clock => ({ now: () => new Date(clock.now().getTime() - daysAgo * DAY) });
  await decideConsent({ db, clock: at(21), actor: mother, change: { childId: child.id, topicId: topic.id, choice: "given" } });
  await decideConsent({ db, clock: at(7), actor: mother, change: { childId: child.id, topicId: topic.id, choice: "withdrawn", note: "We would rather talk to the club ourselves." } });
}

async function actorOf(db: Db, username: string): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { username }, select: { id: true, role: true, displayName: true } });
  return user && { userId: user.id, role: user.role, displayName: user.displayName };
}
