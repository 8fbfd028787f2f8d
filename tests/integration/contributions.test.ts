import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import {
  addToRecord, countWaitingByCaseworker, findContribution, findContributionFile, findContributionsOnRecord, findInbox, markOpened, recordOriginal,
  replyToContribution, saveContribution, withdrawContribution,
} from "../../lib/contributions/index.ts";
import { contributionForm } from "../../lib/contributions/form.ts";
import { Conflict, Invalid, NotFound } from "../../lib/errors/index.ts";
import { createDatabaseFileStore } from "../../lib/files/index.ts";
import { findEntryForViewer } from "../../lib/records/entry.ts";
import { findStaffEntryFacts } from "../../lib/records/staff-entry.ts";
import { checkUpload } from "../../lib/uploads/index.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { seedVisibilityFixture, type VisibilityFixture } from "../helpers/record-fixtures.ts";

type Who = keyof VisibilityFixture["accounts"];

// "My voice" on both databases: who may send, who reads what, the statuses a sender follows, the
// staff steps, bad input that stores nothing, and nobody reaching someone else's by id or list.
describe.each(databaseKinds())("contributions on %s", (kind) => {
  let db: TestDb;
  let fx: VisibilityFixture;
  const store = createDatabaseFileStore();
  // Tuesday 1 December 2026, 10:00 in London.
  const clock = fixedClock(new Date("2026-12-01T10:00:00Z"));
  beforeAll(async () => {
    db = await createTestDb(kind);
    fx = await seedVisibilityFixture(db.prisma, store, clock);
  });
  afterAll(async () => db?.drop());

  const actor = (who: Who) => fx.accounts[who].actor;
  const form = (over: Record<string, unknown> = {}) =>
    contributionForm.parse({ childId: fx.A.id, submissionKey: randomUUID(), kind: "view", body: "I want to stay at my school.", intent: "send", ...over });
  const send = (who: Who, over: Record<string, unknown> = {}, files: Parameters<typeof saveContribution>[0]["files"] = []) =>
    saveContribution({ db: db.prisma, clock, actor: actor(who), form: form(over), locale: "en", files, store });
  const readers = async (id: string) => {
    const out: Who[] = [];
    for (const who of Object.keys(fx.accounts) as Who[]) {
      const found = await findContribution({ db: db.prisma, actor: actor(who), childId: fx.A.id, contributionId: id, now: clock.now() }).then(() => true, () => false);
      if (found) out.push(who);
    }
    return out.sort();
  };

  it("a child's view is read by the child and the child's staff only, unless the child shares it with family", async () => {
    const own = await send("child");
    expect(own.status).toBe("sent");
    expect(await readers(own.id)).toEqual(["caseworker", "child", "manager"]);
    const shared = await send("child", { shareWithFamily: "on" });
    expect(await readers(shared.id)).toEqual(["carer", "caseworker", "child", "father", "manager", "mother"]);
  });

  it("a parent's contribution is seen by the child and other parents only when the parent chooses", async () => {
    const priv = await send("mother");
    expect(await readers(priv.id)).toEqual(["caseworker", "manager", "mother"]);
    const toChild = await send("mother", { shareWithChild: "on" });
    expect(await readers(toChild.id)).toEqual(["caseworker", "child", "manager", "mother"]);
  });

  it("an advocate writes in the child's voice: the child sees it, with who helped", async () => {
    const saved = await send("advocate", { kind: "wish" });
    expect(await readers(saved.id)).toEqual(["advocate", "caseworker", "child", "manager"]);
    const seen = await findContribution({ db: db.prisma, actor: actor("child"), childId: fx.A.id, contributionId: saved.id, now: clock.now() });
    expect(seen.helpedByName).toBe(actor("advocate").displayName);
  });

  it("staff, admins and people outside the record cannot send, and nobody sends to a record they cannot open", async () => {
    for (const who of ["caseworker", "manager", "admin"] as const) await expect(send(who), who).rejects.toBeInstanceOf(NotFound);
    for (const who of ["otherParent", "otherChild", "twinFather"] as const) await expect(send(who), who).rejects.toBeInstanceOf(NotFound);
  });

  it("is due 10 working days after it is sent, counted without weekends and bank holidays", async () => {
    const saved = await send("child");
    const row = await db.prisma.contribution.findUniqueOrThrow({ where: { id: saved.id } });
    // Sent Tuesday 1 December 2026: ten working days skip two weekends (Christmas is later).
    expect(row.dueOn?.toISOString().slice(0, 10)).toBe("2026-12-15");
  });

  it("a double submit makes one contribution", async () => {
    const key = randomUUID();
    const [a, b] = await Promise.all([send("child", { submissionKey: key }), send("child", { submissionKey: key })].map((p) => p.catch((e: unknown) => e)));
    const ids = [a, b].filter((x): x is { id: string } => typeof x === "object" && x !== null && "id" in x).map((x) => x.id);
    expect(new Set(ids).size).toBe(1);
    expect(await db.prisma.contribution.count({ where: { submissionKey: key } })).toBe(1);
  });

  it("refuses bad input with a clear reason and stores nothing", async () => {
    const before = await db.prisma.contribution.count();
    await expect(send("child", { body: "   " })).rejects.toBeInstanceOf(Invalid);
    expect(() => form({ body: "x".repeat(5001) })).toThrow();
    expect(() => form({ kind: "nonsense" })).toThrow();
    const six = Array.from({ length: 6 }, (_, i) => ({ fileName: `${i}.pdf`, mediaType: "application/pdf", bytes: Buffer.from(`%PDF-1.4 ${i}\n%%EOF`), reencoded: false }));
    await expect(send("child", {}, six)).rejects.toBeInstanceOf(Invalid);
    // An entry the sender may not read is "not found", for the excluded father too.
    await expect(send("child", { aboutEntryId: fx.A.entries.get("R-HARM") })).rejects.toBeInstanceOf(NotFound);
    await expect(send("father", { aboutEntryId: fx.A.entries.get("X-DAD-BOTH") })).rejects.toBeInstanceOf(NotFound);
    expect(await db.prisma.contribution.count()).toBe(before);
  });

  it("drafts are the writer's alone until sent, and keep their files", async () => {
    const photo = await checkUpload({ name: "certificate.png", bytes: await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3366cc" } }).png().toBuffer() });
    const draft = await send("child", { kind: "proud", intent: "draft", body: "" }, [photo]);
    expect(draft.status).toBe("draft");
    expect(await readers(draft.id)).toEqual(["child"]);
    const inbox = await findInbox({ db: db.prisma, actor: actor("caseworker"), filter: {}, now: clock.now() });
    expect(inbox.items.map((i) => i.id)).not.toContain(draft.id);
    const sent = await send("child", { kind: "proud", draftId: draft.id, body: "My swimming certificate" });
    expect(sent).toEqual({ id: draft.id, status: "sent" });
    const file = (await db.prisma.contributionAttachment.findFirstOrThrow({ where: { contributionId: draft.id } }));
    expect(file.mediaType).toBe("image/png");
    // Another child's account, a parent and the other team cannot reach the file by its ids.
    for (const who of ["mother", "otherChild", "otherCaseworker", "admin", "advocate"] as const) {
      await expect(findContributionFile({ db: db.prisma, actor: actor(who), childId: fx.A.id, contributionId: draft.id, attachmentId: file.id }), who).rejects.toBeInstanceOf(NotFound);
    }
    expect((await findContributionFile({ db: db.prisma, actor: actor("caseworker"), childId: fx.A.id, contributionId: draft.id, attachmentId: file.id })).reencoded).toBe(true);
  });

  it("follows sent → opened → answered → added to the record, each step kept", async () => {
    const saved = await send("child", { body: "I'd like to see my brother more." });
    const ref = { db: db.prisma, clock, childId: fx.A.id, contributionId: saved.id };
    await markOpened({ ...ref, actor: actor("otherCaseworker") }); // not theirs: nothing happens
    expect((await db.prisma.contribution.findUniqueOrThrow({ where: { id: saved.id } })).status).toBe("sent");
    await markOpened({ ...ref, actor: actor("caseworker") });
    await expect(withdrawContribution({ ...ref, actor: actor("child") })).rejects.toBeInstanceOf(Conflict);
    await replyToContribution({ ...ref, actor: actor("caseworker"), body: "Thank you. I'll arrange it." });
    await expect(replyToContribution({ ...ref, actor: actor("otherManager"), body: "x" })).rejects.toBeInstanceOf(NotFound);
    const entryId = await addToRecord({ ...ref, actor: actor("caseworker"), withFamily: false });
    await expect(addToRecord({ ...ref, actor: actor("manager"), withFamily: true })).rejects.toBeInstanceOf(Conflict);
    const seen = await findContribution({ db: db.prisma, actor: actor("child"), childId: fx.A.id, contributionId: saved.id, now: clock.now() });
    expect(seen.status).toBe("added");
    expect(seen.replies.map((r) => r.body)).toEqual(["Thank you. I'll arrange it."]);
    expect(seen.events.map((e) => e.kind)).toEqual(["sent", "opened", "replied", "added"]);
    expect(seen.recordEntryId).toBe(entryId);
    const entry = await findEntryForViewer({ db: db.prisma, actor: actor("child"), childId: fx.A.id, entryId, locale: "en" });
    expect(entry.kind).toBe("readable");
    if (entry.kind === "readable") expect(entry.sections.map((s) => [s.nature, s.text])).toEqual([["own_words", "I'd like to see my brother more."]]);
    await expect(findEntryForViewer({ db: db.prisma, actor: actor("mother"), childId: fx.A.id, entryId, locale: "en" })).rejects.toBeInstanceOf(NotFound);
    // The new entry is news to those who may read it (the child), and to nobody who may not (the mother).
    const toldOf = (who: "child" | "mother") => db.prisma.newsItem.count({ where: { entryId, kind: "entry-new", recipientId: actor(who).userId } });
    expect([await toldOf("child"), await toldOf("mother")]).toEqual([1, 0]);
    // History is append-only in the database itself.
    await expect(db.prisma.contributionEvent.deleteMany({ where: { contributionId: saved.id } })).rejects.toThrow();
  });

  it("an entry added from a contribution reads like the record's own: a title cut at a word, the author's job, written here", async () => {
    const body = "I told my social worker at the review that I want to keep living with my nan because she helps me with homework every single day.\nMore.";
    const saved = await send("child", { body });
    const ref = { db: db.prisma, clock, childId: fx.A.id, contributionId: saved.id };
    const entryId = await addToRecord({ ...ref, actor: actor("caseworker"), withFamily: false });
    const row = await db.prisma.entry.findUniqueOrThrow({ where: { id: entryId }, select: { title: true, authorRole: true } });
    expect(row.title.endsWith("…")).toBe(true);
    expect(body.startsWith(row.title.slice(0, -1))).toBe(true);
    expect(body[row.title.length - 1]).toBe(" ");
    expect(row.authorRole).toBe("Social worker");
    const facts = await findStaffEntryFacts({ db: db.prisma, actor: actor("caseworker"), childId: fx.A.id, entryId, now: clock.now() });
    expect(facts?.versions).toEqual([{ version: 1, at: clock.now(), origin: "written" }]);
  });

  it("a sender withdraws until it is opened; then staff see it as withdrawn and cannot answer it", async () => {
    const saved = await send("mother");
    const ref = { db: db.prisma, clock, childId: fx.A.id, contributionId: saved.id };
    await expect(withdrawContribution({ ...ref, actor: actor("father") })).rejects.toBeInstanceOf(NotFound);
    await withdrawContribution({ ...ref, actor: actor("mother") });
    await withdrawContribution({ ...ref, actor: actor("mother") }); // twice is the same
    await expect(replyToContribution({ ...ref, actor: actor("caseworker"), body: "Hello" })).rejects.toBeInstanceOf(Conflict);
    expect((await db.prisma.contribution.findUniqueOrThrow({ where: { id: saved.id } })).status).toBe("withdrawn");
  });

  it("records where the original is, and the entry says it", async () => {
    const saved = await send("child", { kind: "proud", body: "My award" });
    const ref = { db: db.prisma, clock, childId: fx.A.id, contributionId: saved.id };
    const entryId = await addToRecord({ ...ref, actor: actor("caseworker"), withFamily: true });
    await recordOriginal({ ...ref, actor: actor("caseworker"), whereabouts: "returned", place: "", returnedOn: "2026-12-03" });
    const entry = await db.prisma.entry.findUniqueOrThrow({ where: { id: entryId } });
    expect(entry).toMatchObject({ belongsToChild: true, originalLocation: "Returned on 2026-12-03", withFamily: true });
  });

  it("the inbox pages newest first, filters, and counts unread for staff only; others see nothing", async () => {
    const inbox = await findInbox({ db: db.prisma, actor: actor("caseworker"), filter: {}, now: clock.now() });
    expect(inbox.items.length).toBeGreaterThan(5);
    expect(inbox.unread).toBe(await db.prisma.contribution.count({ where: { childId: fx.A.id, status: "sent" } }));
    const wishes = await findInbox({ db: db.prisma, actor: actor("caseworker"), filter: { kind: "wish" }, now: clock.now() });
    expect(wishes.items.every((i) => i.kind === "wish")).toBe(true);
    for (const who of ["otherCaseworker", "otherManager", "child", "mother", "admin"] as const) {
      const page = await findInbox({ db: db.prisma, actor: actor(who), filter: { childId: fx.A.id }, now: clock.now() });
      expect(page, who).toEqual({ items: [], next: null, unread: 0 });
    }
    const mine = await findContributionsOnRecord({ db: db.prisma, actor: actor("father"), childId: fx.A.id, now: clock.now() });
    expect(mine.every((c) => c.status !== "draft")).toBe(true);
  });
  it("a manager sees unanswered and overdue counts per caseworker in their team; nobody else does", async () => {
    const later = new Date("2027-01-20T10:00:00Z");
    const team = await countWaitingByCaseworker({ db: db.prisma, actor: actor("manager"), now: later });
    const waiting = await db.prisma.contribution.count({ where: { childId: fx.A.id, status: { in: ["sent", "opened"] } } });
    expect(team).toEqual([{ caseworkerId: actor("caseworker").userId, name: actor("caseworker").displayName, unanswered: waiting, overdue: waiting }]);
    expect(await countWaitingByCaseworker({ db: db.prisma, actor: actor("otherManager"), now: later })).toEqual([]);
    expect(await countWaitingByCaseworker({ db: db.prisma, actor: actor("caseworker"), now: later })).toEqual([]);
  });
  it("tells the child's caseworker of a new contribution, and the sender of a reply, through the outbox", async () => {
    const before = await db.prisma.outboxMessage.count({ where: { recipientId: actor("caseworker").userId } });
    const saved = await send("child");
    expect(await db.prisma.outboxMessage.count({ where: { recipientId: actor("caseworker").userId } })).toBe(before + 1);
    const toWorker = await db.prisma.outboxMessage.findMany({ where: { link: { contains: saved.id } }, select: { recipientId: true, kind: true, link: true } });
    expect(toWorker).toEqual([{ recipientId: actor("caseworker").userId, kind: "contribution-received", link: `/records/${fx.A.id}/contributions/${saved.id}` }]);
    const draft = await send("child", { intent: "draft" });
    expect(await db.prisma.outboxMessage.count({ where: { link: { contains: draft.id } } })).toBe(0); // a draft tells nobody
    await replyToContribution({ db: db.prisma, clock, actor: actor("caseworker"), childId: fx.A.id, contributionId: saved.id, body: "Thanks" });
    expect(await db.prisma.outboxMessage.findMany({ where: { recipientId: actor("child").userId, link: { contains: saved.id } }, select: { kind: true } })).toEqual([{ kind: "reply-received" }]);
  });
  it("pages through the inbox newest first without missing or repeating any, whatever the filter", async () => {
    for (let i = 0; i < 23; i++) {
      clock.advance(60_000);
      await send(i % 2 ? "mother" : "child", { kind: i % 3 ? "view" : "feeling" });
    }
    for (const filter of [{}, { kind: "feeling" as const }, { status: "sent" as const }]) {
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await findInbox({ db: db.prisma, actor: actor("manager"), filter, after, now: clock.now() });
        expect(page.items.length).toBeLessThanOrEqual(20);
        seen.push(...page.items.map((i) => i.id));
        after = page.next ?? undefined;
      } while (after);
      const expected = await db.prisma.contribution.findMany({
        where: { childId: fx.A.id, sentAt: { not: null }, ...filter },
        orderBy: [{ sentAt: "desc" }, { id: "desc" }],
        select: { id: true },
      });
      expect(seen, JSON.stringify(filter)).toEqual(expected.map((e) => e.id));
    }
  });
});
