import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { registerAdvocate } from "../../lib/accounts/index.ts";
import { fixedClock } from "../../lib/clock.ts";
import { addTopic, chooseAdvocate, decideConsent, endAdvocate, recordShare, type ShareInput } from "../../lib/consent/index.ts";
import { replyToContribution, saveContribution } from "../../lib/contributions/index.ts";
import { contributionForm } from "../../lib/contributions/form.ts";
import { Prisma } from "../../lib/db/generated/client.ts";
import { NotFound } from "../../lib/errors/index.ts";
import { UNSEEN_CAP, tell } from "../../lib/news/index.ts";
import { paths } from "../../lib/paths.ts";
import { answerQuestion, askForCorrection, askQuestion, decideRequest, extendRequest, findRequest, requestForm, startReview } from "../../lib/rectification/index.ts";
import { requestTranslation } from "../../lib/translations/index.ts";
import { proposeRestrictionForm } from "../../lib/restrictions/form.ts";
import { proposeRestriction } from "../../lib/restrictions/workflow.ts";
import { releaseEntry } from "../../lib/records/release.ts";
import { checkTranslationForm, submitTranslationForm } from "../../lib/translations/form.ts";
import { checkTranslation, submitTranslation } from "../../lib/translations/drafts.ts";
import { makeAccount, SYSTEM, type MadeAccount } from "../helpers/account-fixtures.ts";
import { databaseKinds } from "../helpers/db.ts";
import { each, importIntoA, newsReader, newsRecorder, storedNews, type Told } from "../helpers/news.ts";
import { useVisibilityFixture, type Who } from "../helpers/visibility-suite.ts";

// Nothing someone may not read ever becomes an item of "what's new" (issue 16), on both databases.
// Every kind of item is made by a real event, and for each event the people told are exactly the
// expected ones: everyone else in the fixture (a parent excluded by name, a parent for an entry
// not shared with family, the advocate and parents for an entry to be read with the worker, a
// carer without parental responsibility for a share, another family, staff and the administrator)
// got neither an item nor its email. Then what changes later: an entry kept back or a name
// excluded, and a grant ended, take the items out of the list, the count and /news/<id>.

const FAMILY: Who[] = ["child", "advocate", "mother", "father", "carer"];
const OUTSIDERS: Who[] = ["caseworker", "manager", "otherCaseworker", "otherManager", "admin", "otherParent", "otherChild", "twinFather"];
const ID = "[0-9a-f-]{36}";
// Where an item may lead: a record, or one of its pages, by opaque ids only.
const LINK = new RegExp(`^/records/${ID}(/(entries|consent|shared|advocate|contributions|corrections)(/${ID})?)?$`);

describe.each(databaseKinds())("what's new leaks nothing on %s", (kind) => {
  const clock = fixedClock(new Date("2026-12-02T10:00:00Z"));
  const { prisma, fx, actor, entry, store } = useVisibilityFixture(kind, clock);
  const news = newsReader(prisma, clock);
  const A = () => fx().A.id;
  let sam: MadeAccount;
  const nameOf = (userId: string) =>
    Object.entries(fx().accounts).find(([, a]) => a.actor.userId === userId)?.[0] ?? (userId === sam?.actor.userId ? "sam" : userId);
  const told = newsRecorder(prisma, nameOf);

  // Each event, what it told whom; filled in beforeAll, read by the tests.
  const events = new Map<string, Told[]>();
  const ids = new Map<string, string>();
  let requestId = "";
  let contributionId = "";

  async function run(name: string, event: () => Promise<unknown>) {
    events.set(name, await told(event));
  }
  const importing = (spec: Parameters<typeof importIntoA>[4][number]) => async () => {
    for (const [label, id] of await importIntoA(prisma(), store, clock, fx(), [spec])) ids.set(label, id);
  };
  const share = (over: Partial<ShareInput>) =>
    recordShare({ db: prisma(), clock, actor: actor("caseworker"), share: { childId: A(), lawfulBasis: "child_safety", recipient: "police", what: "whole_record", purpose: "Safety", reason: "A risk of harm.", sharedOn: "2026-12-02", ...over } });
  const request = () => findRequest({ ...ref("caseworker"), now: clock.now() });
  const ref = (who: Who) => ({ db: prisma(), clock, actor: actor(who), childId: A(), requestId });

  beforeAll(async () => {
    await prisma().newsItem.deleteMany(); // the fixture's own advocate: news.test.ts
    await run("import: shared with both, excluding the father", importing({ id: "N-DADX", withChild: true, withFamily: true, excludeFather: true }));
    await run("import: shared with the child only", importing({ id: "N-CHILD", withChild: true, withFamily: false }));
    await run("import: shared with family only, kept from the child", importing({ id: "N-FAM", withChild: false, withFamily: true, restricted: true }));
    await run("import: to be read with the worker", importing({ id: "N-RWW", withChild: true, withFamily: true, readWithWorker: true }));
    await run("released", () => releaseEntry({ db: prisma(), clock, actor: actor("caseworker"), childId: A(), entryId: ids.get("N-RWW")! }));
    await run("restriction lifted", () =>
      proposeRestriction({ db: prisma(), clock, actor: actor("manager"), proposal: proposeRestrictionForm.parse({ childId: A(), entryId: ids.get("N-FAM")!, change: "lift", note: "No longer needed." }) }));
    const topicId = (await addTopic({ db: prisma(), actor: actor("caseworker"), childId: A(), recipient: "school", purpose: "Support" })).id;
    await run("consent given by the mother", () => decideConsent({ db: prisma(), clock, actor: actor("mother"), change: { childId: A(), topicId, choice: "given" } }));
    await run("share of the whole record", () => share({}));
    await run("share of an entry excluding the father", () => share({ what: "entries", entryIds: [ids.get("N-DADX")!] }));
    await run("share whose reason is kept from the child", () => share({ reasonWithheld: true }));
    contributionId = (await saveContribution({
      db: prisma(), clock, actor: actor("mother"), locale: "en", files: [], store,
      form: contributionForm.parse({ childId: A(), submissionKey: randomUUID(), kind: "view", body: "About the holidays.", intent: "send" }),
    })).id;
    await run("reply to the mother", () => replyToContribution({ db: prisma(), clock, actor: actor("caseworker"), childId: A(), contributionId, body: "Thank you." }));
    requestId = (await askForCorrection({
      db: prisma(), clock, actor: actor("mother"), locale: "en", files: [], store,
      form: requestForm.parse({ childId: A(), submissionKey: randomUUID(), items: [`${entry("E-BOTH")}:0`], whatIsWrong: "The date is wrong.", whatItShouldSay: "The 6th." }),
    })).id;
    await startReview(ref("caseworker"));
    await run("correction question", async () => askQuestion({ ...ref("caseworker"), version: (await request()).version, note: "Which date?" }));
    await answerQuestion({ ...ref("mother"), note: "The visit." });
    await run("correction extended", async () => extendRequest({ ...ref("caseworker"), version: (await request()).version, months: 1, reason: "Asking the school." }));
    await run("correction decided", async () => decideRequest({ ...ref("caseworker"), version: (await request()).version, outcome: "not_corrected", reason: "The date is right.", fixes: [] }));
    await requestTranslation({ db: prisma(), clock, actor: actor("mother"), childId: A(), entryId: entry("E-BOTH"), locale: "ur" });
    const draft = await submitTranslation({
      db: prisma(), clock, actor: actor("caseworker"),
      translation: submitTranslationForm.parse({ childId: A(), entryId: entry("E-BOTH"), locale: "ur", title: "دورہ", "section-0": "متن۔", translatedBy: "F. Ali" }),
    });
    await run("translation ready", () => checkTranslation({ db: prisma(), clock, actor: actor("manager"), check: checkTranslationForm.parse({ childId: A(), draftId: draft.id, outcome: "approved", note: "" }) }));
    sam = await makeAccount(prisma(), clock, { role: "advocate" });
    await registerAdvocate({ db: prisma(), clock, actor: SYSTEM, username: sam.username, organisation: "Voices North" });
    await run("advocate appointed", () => chooseAdvocate({ db: prisma(), clock, actor: actor("caseworker"), choice: { childId: A(), advocateId: sam.actor.userId } }));
    const samGrant = await prisma().grant.findFirstOrThrow({ where: { userId: sam.actor.userId, kind: "advocate", revokedAt: null } });
    await run("advocate ended", () => endAdvocate({ db: prisma(), clock, actor: actor("caseworker"), childId: A(), grantId: samGrant.id }));
  });

  it("each event tells exactly who may see what it tells of, and nobody else", () => {
    const entryLink = (label: string) => paths.entry(A(), ids.get(label)!);
    const correction = paths.correction(A(), requestId);
    const expected: Record<string, Told[]> = {
      "import: shared with both, excluding the father": each(["child", "advocate", "mother", "carer"], "entry-new", entryLink("N-DADX")),
      "import: shared with the child only": each(["child", "advocate"], "entry-new", entryLink("N-CHILD")),
      "import: shared with family only, kept from the child": each(["mother", "father", "carer"], "entry-new", entryLink("N-FAM")),
      // Only the child hears it waits, and only that: the item leads to the record, not the entry.
      "import: to be read with the worker": each(["child"], "entry-to-read", paths.record(A())),
      released: each(FAMILY, "entry-new", entryLink("N-RWW")),
      "restriction lifted": each(["child", "advocate"], "entry-new", entryLink("N-FAM")),
      "consent given by the mother": each(["child", "advocate", "father", "carer"], "consent-given", paths.consent(A())),
      "share of the whole record": each(["child", "advocate", "mother", "father"], "share-recorded", paths.sharingLog(A())),
      "share of an entry excluding the father": each(["child", "advocate", "mother"], "share-recorded", paths.sharingLog(A())),
      "share whose reason is kept from the child": [],
      "reply to the mother": each(["mother"], "reply", paths.contribution(A(), contributionId)),
      "correction question": each(["mother"], "correction-question", correction),
      "correction extended": each(["mother"], "correction-extended", correction),
      "correction decided": each(["mother"], "correction-decided", correction),
      "translation ready": each(["mother"], "translation-ready", paths.entry(A(), entry("E-BOTH"))),
      "advocate appointed": each(["child", "sam"], "advocate-started", paths.advocate(A())),
      "advocate ended": each(["child"], "advocate-ended", paths.advocate(A())),
    };
    for (const [name, want] of Object.entries(expected)) expect(events.get(name), name).toEqual(want);
    expect([...events.keys()].sort()).toEqual(Object.keys(expected).sort());
    // Every kind there is was made above.
    expect(new Set([...events.values()].flat().map((t) => t.kind))).toEqual(new Set(["entry-new", "entry-to-read", "consent-given", "share-recorded", "reply", "correction-question", "correction-extended", "correction-decided", "translation-ready", "advocate-started", "advocate-ended"]));
  });

  it("staff, the administrator and another family have no items, even one addressed to them", async () => {
    for (const who of OUTSIDERS) expect(await storedNews(prisma(), actor(who)), who).toEqual([]);
    // Told directly, staff get the email and no item.
    await prisma().$transaction((tx) => tell(tx, { recipientId: actor("caseworker").userId, childId: A(), kind: "consent-given", link: paths.consent(A()), now: clock.now() }));
    expect(await storedNews(prisma(), actor("caseworker"))).toEqual([]);
    // A row written for them by hand is still not theirs to see.
    for (const who of ["caseworker", "admin", "otherParent"] as const) {
      const row = await prisma().newsItem.create({ data: { recipientId: actor(who).userId, childId: A(), kind: "consent-given", link: paths.consent(A()), createdAt: clock.now() } });
      expect(await news.list(actor(who)), who).toEqual([]);
      expect(await news.count(actor(who)), who).toBe(0);
      await expect(news.open(actor(who), row.id), who).rejects.toBeInstanceOf(NotFound);
      await prisma().newsItem.delete({ where: { id: row.id } });
    }
  });

  it("an item holds no words: no title, no text, ids only in its link", async () => {
    expect(Object.keys(Prisma.NewsItemScalarFieldEnum).sort()).toEqual(["childId", "createdAt", "entryId", "id", "kind", "link", "recipientId", "seenAt", "shareId"]);
    const rows = await prisma().newsItem.findMany();
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) expect(row.link).toMatch(LINK);
    expect(JSON.stringify(rows)).not.toMatch(/Title of|Text of|Safety|holidays|date is wrong/);
    const waiting = rows.filter((r) => r.kind === "entry-to-read");
    expect(waiting.map((r) => r.link)).toEqual([paths.record(A())]);
    const emails = await prisma().outboxMessage.findMany({ where: { kind: "entry-to-read" } });
    expect(emails.map((m) => m.link)).toEqual([paths.record(A())]);
  });

  // Gone from the list, from the count, and from /news/<id>; still stored: the rule at read time did it.
  async function goneFor(who: Who, itemIds: string[]) {
    const listed = await news.list(actor(who));
    expect(listed.filter((i) => itemIds.includes(i.id)), who).toEqual([]);
    expect(await news.count(actor(who)), who).toBe(Math.min(listed.filter((i) => !i.seen).length, UNSEEN_CAP + 1));
    for (const id of itemIds) await expect(news.open(actor(who), id), who).rejects.toBeInstanceOf(NotFound);
    expect(await prisma().newsItem.count({ where: { id: { in: itemIds } } })).toBe(itemIds.length);
  }
  const itemsAbout = async (who: Who, where: Prisma.NewsItemWhereInput) =>
    (await prisma().newsItem.findMany({ where: { AND: [{ recipientId: actor(who).userId }, where] }, select: { id: true } })).map((r) => r.id);

  it("a name excluded from an entry later takes its items, and the share of it, away from that person only", async () => {
    const entryId = ids.get("N-DADX")!;
    const shareId = (await prisma().sharingEntry.findFirstOrThrow({ where: { entryId } })).shareId;
    const mine = await itemsAbout("mother", { OR: [{ entryId }, { shareId }] });
    expect(mine).toHaveLength(2);
    expect((await news.list(actor("mother"))).filter((i) => mine.includes(i.id))).toHaveLength(2);
    const { personId } = await prisma().user.findUniqueOrThrow({ where: { id: actor("mother").userId }, select: { personId: true } });
    await prisma().entryExclusion.create({ data: { entryId, personId: personId! } });
    await goneFor("mother", mine);
    // The carer still reads it, so still has it.
    const carers = await itemsAbout("carer", { entryId });
    expect((await news.list(actor("carer"))).filter((i) => carers.includes(i.id))).toHaveLength(1);
  });

  it("an entry kept from the child later takes its items away from the child and their advocate, not from family who still read it", async () => {
    const entryId = ids.get("N-FAM")!;
    const childSide = { child: await itemsAbout("child", { entryId }), advocate: await itemsAbout("advocate", { entryId }) };
    expect(childSide.child).toHaveLength(1);
    await proposeRestriction({
      db: prisma(), clock, actor: actor("manager"),
      proposal: proposeRestrictionForm.parse({ childId: A(), entryId, change: "withhold", reason: "confidential", note: "Kept back again.", reviewDue: "2027-03-01" }),
    });
    await goneFor("child", childSide.child);
    await goneFor("advocate", childSide.advocate);
    const mothers = await itemsAbout("mother", { entryId });
    expect((await news.list(actor("mother"))).filter((i) => mothers.includes(i.id))).toHaveLength(1);
  });

  it("a grant that ends takes every item of that record away", async () => {
    const all = await itemsAbout("advocate", {});
    expect(all.length).toBeGreaterThan(3);
    expect(await news.count(actor("advocate"))).toBeGreaterThan(0);
    await endAdvocate({ db: prisma(), clock, actor: actor("child"), childId: A(), grantId: fx().advocateGrantId });
    await goneFor("advocate", all);
    expect(await news.list(actor("advocate"))).toEqual([]);
    expect(await news.count(actor("advocate"))).toBe(0);
  });

  it("no one opens another person's item, within the family or outside it", async () => {
    const [mothers] = await itemsAbout("mother", { kind: "correction-decided" });
    expect(await news.open(actor("mother"), mothers!)).toBe(paths.correction(A(), requestId));
    for (const who of [...FAMILY.filter((w) => w !== "mother"), ...OUTSIDERS]) await expect(news.open(actor(who), mothers!), who).rejects.toBeInstanceOf(NotFound);
    for (const who of ["father", "child", "carer"] as const) expect(await itemsAbout(who, { kind: { startsWith: "correction" } }), who).toEqual([]);
  });
});
