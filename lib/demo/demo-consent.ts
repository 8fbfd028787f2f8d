import type { Clock } from "../clock.ts";
import type { Db } from "../db/connect.ts";

const DAY = 24 * 60 * 60 * 1000;

/**
 * A consent history for the demo child (C-1001): her caseworker asked about a youth club's trips,
 * her mother gave consent and later withdrew it, so the demo shows a withdrawn consent, and that a
 * share cannot rely on it. Written once, when the demo loads, as rows shaped exactly as
 * lib/consent writes them (the demo loader runs before the web app, so it does not load
 * lib/consent's page loaders).
 */
export async function addDemoConsent(input: { db: Db; clock: Clock }) {
  const { db, clock } = input;
  const [child, worker, mother] = await Promise.all([
    db.child.findUnique({ where: { externalId: "C-1001" }, select: { id: true } }),
    db.user.findUnique({ where: { username: "jpatel" }, select: { id: true } }),
    db.user.findUnique({ where: { username: "sana" }, select: { id: true } }),
  ]);
  if (!child || !worker || !mother) return;
  const at = (daysAgo: number) => new Date(clock.now().getTime() - daysAgo * DAY);
  await db.$transaction(async (tx) => {
    const topic = await tx.consentTopic.create({
      data: { childId: child.id, recipient: "named_org", recipientName: "Riverside Youth Club", purpose: "Trips and activities", createdById: worker.id, createdAt: at(30) },
      select: { id: true },
    });
    const decision = { topicId: topic.id, childId: child.id, basis: "parental_responsibility", decidedById: mother.id } as const;
    const given = await tx.consentDecision.create({ data: { ...decision, choice: "given", decidedAt: at(21) }, select: { id: true } });
    await tx.consentDecision.create({ data: { ...decision, choice: "withdrawn", note: "We would rather talk to the club ourselves.", replacesId: given.id, decidedAt: at(7) } });
  });
}
