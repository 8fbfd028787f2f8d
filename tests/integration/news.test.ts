import { describe, expect, it } from "vitest";
import { disableAccount, enableAccount, registerAdvocate } from "../../lib/accounts/index.ts";
import type { Actor } from "../../lib/access/actor.ts";
import { fixedClock } from "../../lib/clock.ts";
import { addTopic, chooseAdvocate, decideConsent, endAdvocate, recordShare, reviewShare, type ShareInput } from "../../lib/consent/index.ts";
import { NotFound } from "../../lib/errors/index.ts";
import { UNSEEN_CAP, listNews, markAllNewsSeen, pruneNews, tell } from "../../lib/news/index.ts";
import { paths } from "../../lib/paths.ts";
import { proposeRestrictionForm, reviewRestrictionForm } from "../../lib/restrictions/form.ts";
import { restrictionVersion } from "../../lib/restrictions/version.ts";
import { proposeRestriction, reviewRestriction } from "../../lib/restrictions/workflow.ts";
import { releaseEntry } from "../../lib/records/release.ts";
import { addPerson, makeAccount, SYSTEM, uniq } from "../helpers/account-fixtures.ts";
import { databaseKinds } from "../helpers/db.ts";
import { byWho, each, importIntoA, newsReader, newsRecorder, storedNews } from "../helpers/news.ts";
import { useVisibilityFixture, type Who } from "../helpers/visibility-suite.ts";

// "What's new" on both databases (issue 16): each event tells the right people the right thing,
// with a link to where it happened, and an email with every item; opening marks an item seen, as
// does "mark all as seen"; the count stops at "9+"; a year is kept; pages follow a keyset; someone
// with two children gets each child's items labelled. The leaks are in news-leaks.test.ts.

const FAMILY: Who[] = ["child", "advocate", "mother", "father", "carer"];

describe.each(databaseKinds())("what's new on %s", (kind) => {
  // Wednesday 2 December 2026, 10:00 in London.
  const clock = fixedClock(new Date("2026-12-02T10:00:00Z"));
  const { prisma, fx, actor, entry, store } = useVisibilityFixture(kind, clock);
  const news = newsReader(prisma, clock);
  const A = () => fx().A.id;
  const extra = new Map<string, string>(); // accounts made here: user id to a name
  const nameOf = (userId: string) =>
    (Object.entries(fx().accounts).find(([, a]) => a.actor.userId === userId)?.[0] ?? extra.get(userId) ?? userId) as string;

  const told = newsRecorder(prisma, nameOf);

  it("an advocate made by an administrator is told to the child and the advocate, not to the parents or carer", async () => {
    // The fixture made the advocate's account after the child's (lib/accounts createAccount).
    for (const who of ["child", "advocate"] as const) {
      expect((await storedNews(prisma(), actor(who))).map((r) => [r.kind, r.link])).toEqual([["advocate-started", paths.advocate(A())]]);
    }
    for (const who of ["mother", "father", "carer", "caseworker", "admin"] as const) expect(await storedNews(prisma(), actor(who)), who).toEqual([]);
    await prisma().newsItem.deleteMany();
  });

  it("an entry released after reading it with the worker is new for everyone on the family side who may read it", async () => {
    const id = entry("RWW-WAIT");
    expect(await told(() => releaseEntry({ db: prisma(), clock, actor: actor("caseworker"), childId: A(), entryId: id }))).toEqual(each(FAMILY, "entry-new", paths.entry(A(), id)));
    // Releasing again changes nothing and tells nobody.
    expect(await told(() => releaseEntry({ db: prisma(), clock, actor: actor("manager"), childId: A(), entryId: id }))).toEqual([]);
    const childItem = (await news.list(actor("child"))).find((i) => i.kind === "entry-new")!;
    expect(childItem).toMatchObject({ childId: A(), childName: "A", seen: false });
  });

  it("an import tells each reader once per record: the entry they may read, or the record when several; the child what waits for them", async () => {
    let ids = new Map<string, string>();
    const one = await told(async () => (ids = await importIntoA(prisma(), store, clock, fx(), [{ id: "N-ONE", withChild: true, withFamily: true, excludeFather: true }])));
    expect(one).toEqual(each(["child", "advocate", "mother", "carer"], "entry-new", paths.entry(A(), ids.get("N-ONE")!)));

    const many = [
      ...Array.from({ length: 30 }, (_, i) => ({ id: `N-MANY-${i}`, withChild: true, withFamily: true, at: `2026-11-${String(i % 28 + 1).padStart(2, "0")}T09:00:00Z` })),
      { id: "N-WAIT-1", withChild: true, withFamily: true, readWithWorker: true },
      { id: "N-WAIT-2", withChild: true, withFamily: false, readWithWorker: true },
      { id: "N-KEPT", withChild: false, withFamily: false, restricted: true },
    ];
    const big = await told(async () => (ids = await importIntoA(prisma(), store, clock, fx(), many)));
    expect(big).toEqual([...each(FAMILY, "entry-new", paths.record(A())), { who: "child", kind: "entry-to-read", link: paths.record(A()) }].sort(byWho));
    // The same file again changes nothing, so it tells nobody.
    expect(await told(() => importIntoA(prisma(), store, clock, fx(), many))).toEqual([]);

    // Released, the entry no longer waits: that item goes, and the child has it as new.
    const waiting = async () => (await news.list(actor("child"))).filter((i) => i.kind === "entry-to-read");
    const item = await prisma().newsItem.findFirstOrThrow({ where: { recipientId: actor("child").userId, kind: "entry-to-read" } });
    await releaseEntry({ db: prisma(), clock, actor: actor("caseworker"), childId: A(), entryId: item.entryId! });
    expect(await waiting()).toEqual([]);
  });

  it("a restriction lifted tells the child and their advocate, not the parents who could read it already", async () => {
    const lift = { change: "lift", note: "No longer a risk." };
    const lifted = await told(() =>
      proposeRestriction({ db: prisma(), clock, actor: actor("manager"), proposal: proposeRestrictionForm.parse({ childId: A(), entryId: entry("R-HARM-FAM"), ...lift }) }));
    expect(lifted).toEqual(each(["child", "advocate"], "entry-new", paths.entry(A(), entry("R-HARM-FAM"))));
    // A review that ends the withholding does the same.
    const id = entry("R-THIRD-FAM");
    const version = String(await restrictionVersion(prisma(), await prisma().entry.findUniqueOrThrow({ where: { id }, select: { id: true, version: true } })));
    const reviewed = await told(() =>
      reviewRestriction({ db: prisma(), clock, actor: actor("manager"), review: reviewRestrictionForm.parse({ childId: A(), entryId: id, version, stillApplies: "no", note: "The third party agreed." }) }));
    expect(reviewed).toEqual(each(["child", "advocate"], "entry-new", paths.entry(A(), id)));
  });

  it("consent given or withdrawn tells everyone who sees the consent page but the one who chose", async () => {
    const topicId = (await addTopic({ db: prisma(), actor: actor("caseworker"), childId: A(), recipient: "school", purpose: "Support in class" })).id;
    const decide = (who: Who, choice: "given" | "withdrawn") => decideConsent({ db: prisma(), clock, actor: actor(who), change: { childId: A(), topicId, choice } });
    expect(await told(() => decide("mother", "given"))).toEqual(each(["child", "advocate", "father", "carer"], "consent-given", paths.consent(A())));
    expect(await told(() => decide("father", "withdrawn"))).toEqual(each(["child", "advocate", "mother", "carer"], "consent-withdrawn", paths.consent(A())));
    expect(await told(() => decide("father", "withdrawn"))).toEqual([]); // no change, no news
  });

  it("a share tells those who read the sharing log; a reason kept from the child waits for a manager to show it", async () => {
    const share = (over: Partial<ShareInput>) =>
      recordShare({ db: prisma(), clock, actor: actor("caseworker"), share: { childId: A(), lawfulBasis: "child_safety", recipient: "police", what: "whole_record", purpose: "Safety", reason: "A risk of harm.", sharedOn: "2026-12-02", ...over } });
    const log = paths.sharingLog(A());
    // The carer has no parental responsibility: they do not read the log, so are not told.
    expect(await told(() => share({}))).toEqual(each(["child", "advocate", "mother", "father"], "share-recorded", log));
    // A share of an entry the father may not read is not his to hear of.
    expect(await told(() => share({ what: "entries", entryIds: [entry("X-DAD-BOTH")] }))).toEqual(each(["child", "advocate", "mother"], "share-recorded", log));

    let kept = { id: "" };
    expect(await told(async () => (kept = await share({ reasonWithheld: true })))).toEqual([]);
    const review = (outcome: "keep_withheld" | "show_to_child") =>
      reviewShare({ db: prisma(), clock, actor: actor("manager"), review: { childId: A(), shareId: kept.id, outcome, note: "Reviewed." } });
    expect(await told(() => review("keep_withheld"))).toEqual([]);
    expect(await told(() => review("show_to_child"))).toEqual(each(["child", "advocate", "mother", "father"], "share-recorded", log));
    const aboutKept = async () => (await prisma().newsItem.findMany({ where: { shareId: kept.id, recipientId: actor("child").userId } })).length;
    const childSees = async () => (await news.list(actor("child"))).filter((i) => i.kind === "share-recorded").length;
    const shown = await childSees();
    // Kept back again, the item goes from sight; shown again, the same item comes back (no second one).
    expect(await told(() => review("keep_withheld"))).toEqual([]);
    expect(await childSees()).toBe(shown - 1);
    expect(await told(() => review("show_to_child"))).toEqual([]);
    expect(await childSees()).toBe(shown);
    expect(await aboutKept()).toBe(1);
  });

  it("an advocate starting or ending tells the child (and the new advocate), never the parents or another advocate", async () => {
    const registered = async (name: string) => {
      const made = await makeAccount(prisma(), clock, { role: "advocate" });
      await registerAdvocate({ db: prisma(), clock, actor: SYSTEM, username: made.username, organisation: "Voices North" });
      extra.set(made.actor.userId, name);
      return made;
    };
    const leah = await registered("leah");
    const sam = await registered("sam");
    const choose = (by: Who, advocate: Actor) => chooseAdvocate({ db: prisma(), clock, actor: actor(by), choice: { childId: A(), advocateId: advocate.userId } });
    const link = paths.advocate(A());

    // The child chose: only the advocate is told (the child knows).
    expect(await told(() => choose("child", leah.actor))).toEqual(each(["leah"], "advocate-started", link));
    expect(await told(() => choose("caseworker", sam.actor))).toEqual(each(["child", "sam"], "advocate-started", link));
    const grant = (a: Actor) => prisma().grant.findFirstOrThrow({ where: { userId: a.userId, childId: A(), kind: "advocate", revokedAt: null } });
    expect(await told(async () => endAdvocate({ db: prisma(), clock, actor: actor("caseworker"), childId: A(), grantId: (await grant(leah.actor)).id }))).toEqual(each(["child"], "advocate-ended", link));
    expect(await told(async () => endAdvocate({ db: prisma(), clock, actor: actor("child"), childId: A(), grantId: (await grant(sam.actor)).id }))).toEqual([]);

    // An administrator disabling the advocate's account ends what they see; enabling starts it again.
    const ref = { db: prisma(), clock, actor: actor("admin"), username: fx().accounts.advocate.username };
    expect(await told(() => disableAccount(ref))).toEqual(each(["child"], "advocate-ended", link));
    expect(await told(() => enableAccount(ref))).toEqual(each(["advocate", "child"], "advocate-started", link));
  });

  it("opening an item marks it seen and leads where it happened; someone else's is not found", async () => {
    const unseen = async () => (await news.list(actor("mother"))).filter((i) => !i.seen).map((i) => i.id);
    const [id] = await unseen();
    expect(id).toBeDefined();
    const before = await unseen();
    const stored = await prisma().newsItem.findUniqueOrThrow({ where: { id: id! } });
    await expect(news.open(actor("father"), id!)).rejects.toBeInstanceOf(NotFound);
    await expect(news.open(actor("mother"), "not-an-id")).rejects.toBeInstanceOf(NotFound);
    expect(await news.open(actor("mother"), id!)).toBe(stored.link);
    expect(await unseen()).toEqual(before.filter((x) => x !== id));
    // Opening it again keeps the first time it was seen.
    clock.advance(60_000);
    await news.open(actor("mother"), id!);
    clock.set(new Date("2026-12-02T10:00:00Z"));
    expect((await prisma().newsItem.findUniqueOrThrow({ where: { id: id! } })).seenAt).toEqual(clock.now());
  });

  it("mark all as seen marks only the reader's own items", async () => {
    const fatherUnseen = await news.count(actor("father"));
    expect(fatherUnseen).toBeGreaterThan(0);
    await markAllNewsSeen({ db: prisma(), actor: actor("mother"), now: clock.now() });
    expect(await news.count(actor("mother"))).toBe(0);
    expect((await news.list(actor("mother"))).every((i) => i.seen)).toBe(true);
    expect(await news.count(actor("father"))).toBe(fatherUnseen);
  });

  it("the unseen count stops one past the cap (shown as 9+)", async () => {
    await prisma().newsItem.deleteMany({ where: { recipientId: actor("carer").userId } });
    const tellCarer = (n: number) => prisma().$transaction(async (tx) => {
      for (let i = 0; i < n; i++) await tell(tx, { recipientId: actor("carer").userId, childId: A(), kind: "consent-given", link: paths.consent(A()), now: clock.now() });
    });
    await tellCarer(UNSEEN_CAP);
    expect(await news.count(actor("carer"))).toBe(UNSEEN_CAP);
    await tellCarer(6);
    expect(await news.count(actor("carer"))).toBe(UNSEEN_CAP + 1);
  });

  it("keeps a year: older items are not shown or counted, and pruneNews deletes them", async () => {
    const who = actor("father");
    await prisma().newsItem.deleteMany({ where: { recipientId: who.userId } });
    const at = (iso: string) => prisma().$transaction((tx) => tell(tx, { recipientId: who.userId, childId: A(), kind: "consent-given", link: paths.consent(A()), now: new Date(iso) }));
    await at("2025-11-30T10:00:00Z"); // over twelve months before 2 December 2026
    await at("2025-12-03T10:00:00Z"); // just inside
    expect((await news.list(who)).map((i) => i.createdAt.toISOString())).toEqual(["2025-12-03T10:00:00.000Z"]);
    expect(await news.count(who)).toBe(1);
    expect(await pruneNews({ db: prisma(), now: clock.now() })).toBeGreaterThanOrEqual(1);
    expect((await storedNews(prisma(), who)).map((r) => r.createdAt.toISOString())).toEqual(["2025-12-03T10:00:00.000Z"]);
    // A year later still, that one goes too.
    expect(await pruneNews({ db: prisma(), now: new Date("2026-12-04T10:00:00Z") })).toBeGreaterThanOrEqual(1);
    expect(await storedNews(prisma(), who)).toEqual([]);
  });

  it("pages newest first by a keyset, ties broken by id, without missing or repeating one", async () => {
    const who = actor("father");
    await prisma().newsItem.deleteMany({ where: { recipientId: who.userId } });
    await prisma().$transaction(async (tx) => {
      for (let i = 0; i < 25; i++) {
        // Pairs share an instant, so the order between them is the id's.
        const now = new Date(Date.parse("2026-11-01T10:00:00Z") + Math.floor(i / 2) * 3_600_000);
        await tell(tx, { recipientId: who.userId, childId: A(), kind: "consent-withdrawn", link: paths.consent(A()), now });
      }
    });
    const all = await storedNews(prisma(), who);
    const expected = all.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : 1)).map((r) => r.id);
    const seen: string[] = [];
    const sizes: number[] = [];
    let before: string | null = null;
    do {
      const page = await listNews({ db: prisma(), actor: who, now: clock.now(), before });
      seen.push(...page.items.map((i) => i.id));
      sizes.push(page.items.length);
      before = page.older;
    } while (before);
    expect(sizes).toEqual([10, 10, 5]);
    expect(seen).toEqual(expected);
    // A cursor that is not one is the first page, not an error.
    expect((await listNews({ db: prisma(), actor: who, now: clock.now(), before: "nonsense" })).items[0]!.id).toBe(expected[0]);
  });

  it("a reader whose newest items are all out of sight still pages on to older ones, a bounded scan at a time", async () => {
    const who = actor("father");
    await prisma().newsItem.deleteMany({ where: { recipientId: who.userId } });
    const at = (minutes: number) => new Date(Date.parse("2026-11-30T10:00:00Z") + minutes * 60_000);
    // Two he may see, then 130 newer about an entry that excludes him (written by hand: tell() would refuse them).
    const seen = (await Promise.all([0, 1].map((m) => prisma().newsItem.create({ data: { recipientId: who.userId, childId: A(), kind: "consent-given", link: paths.consent(A()), createdAt: at(m) } })))).map((r) => r.id);
    await prisma().newsItem.createMany({
      data: Array.from({ length: 130 }, (_, i) => ({ recipientId: who.userId, childId: A(), kind: "entry-new", link: paths.entry(A(), entry("X-DAD-BOTH")), entryId: entry("X-DAD-BOTH"), createdAt: at(10 + i) })),
    });
    const first = await listNews({ db: prisma(), actor: who, now: clock.now() });
    expect(first.items).toEqual([]);
    expect(first.older).not.toBeNull();
    expect((await news.list(who)).map((i) => i.id).sort()).toEqual(seen.sort());
  });

  it("someone with two children gets each child's items with the child's id and name", async () => {
    const aunt = await addPerson(prisma(), [{ childId: fx().A.id, relationship: "other" }, { childId: fx().B.id, relationship: "other" }]);
    const made = await makeAccount(prisma(), clock, { role: "carer", person: aunt.externalId });
    extra.set(made.actor.userId, "aunt");
    const topic = async (caseworker: Who, childId: string) => (await addTopic({ db: prisma(), actor: actor(caseworker), childId, recipient: "health", purpose: uniq("Check-up") })).id;
    const inA = await topic("caseworker", fx().A.id);
    const inB = await topic("otherCaseworker", fx().B.id);
    await decideConsent({ db: prisma(), clock, actor: actor("mother"), change: { childId: fx().A.id, topicId: inA, choice: "given" } });
    clock.advance(60_000);
    await decideConsent({ db: prisma(), clock, actor: actor("otherParent"), change: { childId: fx().B.id, topicId: inB, choice: "given" } });
    clock.set(new Date("2026-12-02T10:00:00Z"));
    const items = await news.list(made.actor);
    expect(items.map((i) => [i.childId, i.childName, i.kind])).toEqual([[fx().B.id, "B", "consent-given"], [fx().A.id, "A", "consent-given"]]);
    // One record's own list holds that record's only.
    expect((await listNews({ db: prisma(), actor: made.actor, now: clock.now(), childId: fx().B.id })).items.map((i) => i.childId)).toEqual([fx().B.id]);
  });
});
