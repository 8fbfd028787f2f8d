import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { londonDate } from "../../lib/calendar/index.ts";
import { fixedClock } from "../../lib/clock.ts";
import { addTopic, decideConsent, findConsent, recordCompetence } from "../../lib/consent/index.ts";
import { saveContribution } from "../../lib/contributions/index.ts";
import { contributionForm } from "../../lib/contributions/form.ts";
import { findWaiting, type WaitingItem } from "../../lib/home/waiting.ts";
import { paths } from "../../lib/paths.ts";
import { addDisagreement, answerQuestion, askForCorrection, askQuestion, decideRequest, requestForm } from "../../lib/rectification/index.ts";
import { databaseKinds } from "../helpers/db.ts";
import { useVisibilityFixture, type Who } from "../helpers/visibility-suite.ts";

const DAY = 24 * 60 * 60 * 1000;

// "Waiting for you" on both databases: each kind waits for the one person who can move on it, and
// for nobody else (another parent, the child for a parent's draft, staff, other families, an
// advocate whose access ended, someone who may no longer read the entry).
describe.each(databaseKinds())("waiting for you on %s", (kind) => {
  // Now, not a fixed day: a grant is judged against the time of the request itself (lib/access/policy.ts).
  const start = new Date();
  const clock = fixedClock(start);
  const v = useVisibilityFixture(kind, clock);
  afterEach(() => clock.set(start));
  const { actor, entry } = v;
  const A = () => v.fx().A.id;

  const waiting = (who: Who) => findWaiting({ db: v.prisma(), actor: actor(who), now: clock.now() });
  /** Everyone who has this item waiting, by kind and id. */
  const waitedBy = async (k: WaitingItem["kind"], id: string) => {
    const out: Who[] = [];
    for (const who of Object.keys(v.fx().accounts) as Who[]) if ((await waiting(who)).some((i) => i.kind === k && i.id === id)) out.push(who);
    return out.sort();
  };
  const itemOf = async (who: Who, k: WaitingItem["kind"], id: string) => (await waiting(who)).find((i) => i.kind === k && i.id === id);

  const ref = (who: Who, requestId: string) => ({ db: v.prisma(), clock, actor: actor(who), childId: A(), requestId });
  const version = async (id: string) => (await v.prisma().rectificationRequest.findUniqueOrThrow({ where: { id } })).version;
  const ask = (who: Who, items: string[]) =>
    askForCorrection({
      db: v.prisma(), clock, actor: actor(who), locale: "en", files: [], store: v.store,
      form: requestForm.parse({ childId: A(), submissionKey: randomUUID(), items, whatIsWrong: "The date is wrong." }),
    });
  const question = async (id: string) => askQuestion({ ...ref("caseworker", id), version: await version(id), note: "Which visit do you mean?" });
  const decide = async (id: string, outcome: "corrected" | "not_corrected", fixes: { entryId: string; position: number; text: string }[] = []) =>
    decideRequest({ ...ref("caseworker", id), version: await version(id), outcome, reason: outcome === "corrected" ? "" : "It is right as it is.", fixes });
  const save = (who: Who, over: Record<string, unknown> = {}) =>
    saveContribution({
      db: v.prisma(), clock, actor: actor(who), locale: "en", files: [], store: v.store,
      form: contributionForm.parse({ childId: A(), submissionKey: randomUUID(), kind: "view", body: "Not finished yet.", intent: "draft", ...over }),
    });

  it("a worker's question waits for its requester alone, saying how long the clock has been paused", async () => {
    const { id } = await ask("child", [`${entry("E-BOTH")}:0`]);
    expect(await waitedBy("question", id)).toEqual([]);
    await question(id);
    expect(await waitedBy("question", id)).toEqual(["child"]);
    expect(await itemOf("child", "question", id)).toMatchObject({ childId: A(), link: paths.correction(A(), id), pausedDays: 0 });
    clock.advance(3 * DAY);
    expect(await itemOf("child", "question", id)).toMatchObject({ pausedDays: 3 });
    // Asked by the advocate with the child: the child reads it, but only the advocate can answer.
    const helped = await ask("advocate", [entry("CS")]);
    await question(helped.id);
    expect(await waitedBy("question", helped.id)).toEqual(["advocate"]);
    await answerQuestion({ ...ref("child", id), note: "The one in January." });
    expect(await waitedBy("question", id)).toEqual([]);
  });

  it("a draft waits for its writer alone, whoever it would be shown to; a sent message never waits", async () => {
    const mine = await save("mother", { shareWithChild: "on", shareWithFamily: "on" });
    expect(await waitedBy("draft", mine.id)).toEqual(["mother"]);
    expect(await itemOf("mother", "draft", mine.id)).toMatchObject({ link: paths.newContribution(A(), { draft: mine.id }) });
    expect(await waitedBy("draft", (await save("child", { shareWithFamily: "on" })).id)).toEqual(["child"]);
    expect(await waitedBy("draft", (await save("advocate")).id)).toEqual(["advocate"]);
    await saveContribution({
      db: v.prisma(), clock, actor: actor("mother"), locale: "en", files: [], store: v.store,
      form: contributionForm.parse({ childId: A(), submissionKey: randomUUID(), draftId: mine.id, kind: "view", body: "Finished.", intent: "send", shareWithFamily: "on" }),
    });
    expect(await waitedBy("draft", mine.id)).toEqual([]);
    expect(await waitedBy("draft", (await save("father", { intent: "send" })).id)).toEqual([]);
  });

  it("a consent question waits for whoever decides, until a choice stands, by the same rule as the consent page", async () => {
    const undecidedOnPage = async (who: Who) => (await findConsent({ db: v.prisma(), actor: actor(who), childId: A(), now: clock.now() })).topics.filter((t) => !t.current || t.expired).length;
    const topic = (await addTopic({ db: v.prisma(), actor: actor("caseworker"), childId: A(), recipient: "school", purpose: "Support in class" })).id;
    const choose = (who: Who, choice: "given" | "withdrawn", expiresOn?: string) => decideConsent({ db: v.prisma(), clock, actor: actor(who), change: { childId: A(), topicId: topic, choice, expiresOn } });
    // Parents with parental responsibility decide: not the carer, the child or the advocate.
    expect(await waitedBy("consent", A())).toEqual(["father", "mother"]);
    expect(await itemOf("mother", "consent", A())).toMatchObject({ count: 1, link: paths.consent(A()) });
    await choose("mother", "given", londonDate(new Date(start.getTime() + 2 * DAY)));
    expect(await waitedBy("consent", A())).toEqual([]);
    expect(await undecidedOnPage("mother")).toBe(0);
    // The yes ended: the question is back.
    clock.advance(5 * DAY);
    expect(await waitedBy("consent", A())).toEqual(["father", "mother"]);
    expect(await undecidedOnPage("mother")).toBe(1);
    await choose("father", "withdrawn");
    expect(await waitedBy("consent", A())).toEqual([]);
    // Once the child can decide for themselves, a new question waits for them and not their parents.
    await addTopic({ db: v.prisma(), actor: actor("caseworker"), childId: A(), recipient: "health", purpose: "Health assessment" });
    expect(await waitedBy("consent", A())).toEqual(["father", "mother"]);
    const competence = (canDecide: boolean) => recordCompetence({ db: v.prisma(), clock, actor: actor("caseworker"), childId: A(), canDecide, note: "Assessed with the child.", assessedOn: londonDate(clock.now()) });
    await competence(true);
    expect(await waitedBy("consent", A())).toEqual(["child"]);
    expect(await itemOf("child", "consent", A())).toMatchObject({ count: await undecidedOnPage("child") });
    await competence(false);
  });

  it("a view of one's own may be added after a refusal: waits for the requester until added, while they may read the entry and the decision is recent", async () => {
    const both = await ask("mother", [entry("CS"), entry("F-01")]);
    await decide(both.id, "not_corrected");
    expect(await waitedBy("disagreement", both.id)).toEqual(["mother"]);
    expect(await itemOf("mother", "disagreement", both.id)).toMatchObject({ link: paths.correction(A(), both.id) });
    await addDisagreement({ ...ref("mother", both.id), entryId: entry("CS"), text: "I was at every meeting." });
    expect(await waitedBy("disagreement", both.id)).toEqual(["mother"]); // one entry still without her view
    await addDisagreement({ ...ref("mother", both.id), entryId: entry("F-01"), text: "It was not like that." });
    expect(await waitedBy("disagreement", both.id)).toEqual([]);

    const corrected = await ask("child", [`${entry("F-02")}:0`]);
    await decide(corrected.id, "corrected", [{ entryId: entry("F-02"), position: 0, text: "Corrected wording." }]);
    expect(await waitedBy("disagreement", corrected.id)).toEqual([]);

    // The entry stops being shared with the family: she may no longer read it, so nothing waits.
    const unshared = await ask("mother", [entry("F-03")]);
    await decide(unshared.id, "not_corrected");
    expect(await waitedBy("disagreement", unshared.id)).toEqual(["mother"]);
    await v.prisma().entry.update({ where: { id: entry("F-03") }, data: { withFamily: false } });
    expect(await waitedBy("disagreement", unshared.id)).toEqual([]);

    clock.set(new Date(start.getTime() - 120 * DAY));
    const old = await ask("mother", [entry("F-04")]);
    await decide(old.id, "not_corrected");
    clock.set(start);
    expect(await waitedBy("disagreement", old.id)).toEqual([]);
  });

  it("staff and admins have nothing waiting, and other families see nothing of this record", async () => {
    for (const who of ["caseworker", "manager", "otherCaseworker", "otherManager", "admin", "otherParent", "otherChild", "twinFather"] as const) {
      expect(await waiting(who), who).toEqual([]);
    }
  });

  it("an advocate's access ending within two weeks waits for the child and the advocate; once it ends, nothing waits for the advocate", async () => {
    const grantId = v.fx().advocateGrantId;
    const endsAt = new Date(start.getTime() + 5 * DAY);
    await v.prisma().grant.update({ where: { id: grantId }, data: { endsAt } });
    expect(await waitedBy("advocateEnding", grantId)).toEqual(["advocate", "child"]);
    expect(await itemOf("child", "advocateEnding", grantId)).toMatchObject({ endsOn: londonDate(endsAt), advocateName: actor("advocate").displayName, link: paths.advocate(A()) });
    await v.prisma().grant.update({ where: { id: grantId }, data: { endsAt: new Date(start.getTime() + 20 * DAY) } });
    expect(await waitedBy("advocateEnding", grantId)).toEqual([]);
    // The advocate's own draft and unanswered question wait while the access lasts, and not after.
    expect((await waiting("advocate")).map((i) => i.kind).sort()).toEqual(["draft", "question"]);
    await v.prisma().grant.update({ where: { id: grantId }, data: { revokedAt: clock.now() } });
    expect(await waiting("advocate")).toEqual([]);
    expect((await waiting("child")).filter((i) => i.kind === "advocateEnding")).toEqual([]);
  });
});
