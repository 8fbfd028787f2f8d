import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import {
  addToRecord, answerContribution, checkIncomingFiles, FileRefused, findContribution, findContributionFile, findInbox, markOpened,
  replyToContribution, saveContribution, withdrawContribution,
} from "../../lib/contributions/index.ts";
import { contributionForm } from "../../lib/contributions/form.ts";
import { Conflict, Invalid, NotFound } from "../../lib/errors/index.ts";
import {
  answerOnRequest, answerQuestion, askForCorrection, askQuestion, decideRequest, findRequest, findRequestFile, replyOnRequest, requestForm, withdrawRequest,
} from "../../lib/rectification/index.ts";
import { findTasks, findTeamOverview } from "../../lib/tasks/index.ts";
import { checkUpload } from "../../lib/uploads/index.ts";
import { databaseKinds } from "../helpers/db.ts";
import { html } from "../helpers/upload-files.ts";
import { useVisibilityFixture, type Who } from "../helpers/visibility-suite.ts";

// A contribution and a correction request as a conversation (issue 16), on both databases: the
// sender answers after a reply; nobody else can (not even who may read it), and to whoever may not
// read it there is nothing there; a withdrawn item cannot be answered; an answer after the item
// was closed reopens the conversation, never the decision; staff have a reply due in 10 working
// days; both sides read the whole thread in order, with who wrote each message; files go with an
// answer under the first message's rules; messages are history the database keeps.
describe.each(databaseKinds())("conversations on %s", (kind) => {
  // Tuesday 1 December 2026, 10:00 in London.
  const clock = fixedClock(new Date("2026-12-01T10:00:00Z"));
  const { prisma, fx, actor, entry, store } = useVisibilityFixture(kind, clock);
  const everyone = () => Object.keys(fx().accounts) as Who[];
  const at = (iso: string) => fixedClock(new Date(iso));
  // Each step a second after the one before, so a thread's order is the order things were done.
  const tick = () => (clock.advance(1_000), clock);

  const send = async (who: Who, over: Record<string, unknown> = {}) => {
    const form = contributionForm.parse({ childId: fx().A.id, submissionKey: randomUUID(), kind: "view", body: "I want to stay at my school.", intent: "send", ...over });
    return saveContribution({ db: prisma(), clock, actor: actor(who), form, locale: "en", files: [], store });
  };
  const cref = (who: Who, contributionId: string, when = tick()) => ({ db: prisma(), clock: when, actor: actor(who), childId: fx().A.id, contributionId });
  const reply = (who: Who, id: string, body: string, when = tick()) => replyToContribution({ ...cref(who, id, when), body });
  const answer = (who: Who, id: string, body: string, opts: { when?: ReturnType<typeof fixedClock>; files?: Parameters<typeof answerContribution>[0]["files"]; key?: string } = {}) =>
    answerContribution({ ...cref(who, id, opts.when), submissionKey: opts.key ?? randomUUID(), body, files: opts.files ?? [], store });
  const read = (who: Who, id: string) => findContribution({ db: prisma(), actor: actor(who), childId: fx().A.id, contributionId: id, now: clock.now() });
  const picture = async () => checkUpload({ name: "drawing.png", bytes: await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3366cc" } }).png().toBuffer() });

  const ask = async (who: Who) => {
    const form = requestForm.parse({ childId: fx().A.id, submissionKey: randomUUID(), items: [`${entry("E-BOTH")}:0`], whatIsWrong: "The date is wrong.", whatItShouldSay: "It was on the 6th." });
    return askForCorrection({ db: prisma(), clock, actor: actor(who), form, locale: "en", files: [], store });
  };
  const rref = (who: Who, requestId: string, when = tick()) => ({ db: prisma(), clock: when, actor: actor(who), childId: fx().A.id, requestId });
  const staffReply = (who: Who, id: string, body: string, when = tick()) => replyOnRequest({ ...rref(who, id, when), submissionKey: randomUUID(), body });
  const answerRequest = (who: Who, id: string, body: string, opts: { when?: ReturnType<typeof fixedClock>; files?: Parameters<typeof answerOnRequest>[0]["files"] } = {}) =>
    answerOnRequest({ ...rref(who, id, opts.when), submissionKey: randomUUID(), body, files: opts.files ?? [], store });
  const request = (who: Who, id: string) => findRequest({ db: prisma(), actor: actor(who), childId: fx().A.id, requestId: id, now: clock.now() });

  it("the sender answers after a reply; both sides read the whole thread in order, with who wrote each message", async () => {
    const { id } = await send("child");
    await expect(answer("child", id, "Before any reply")).rejects.toBeInstanceOf(Conflict);
    await markOpened(cref("caseworker", id));
    await reply("caseworker", id, "Thank you. Which school?", at("2026-12-02T09:00:00Z"));
    await answer("child", id, "Hillside, where my friends are.", { when: at("2026-12-03T16:00:00Z") });
    await reply("manager", id, "We will talk about it at the review.", at("2026-12-04T11:00:00Z"));
    const lines = (thread: Awaited<ReturnType<typeof read>>["thread"]) => thread.map((m) => [m.kind, m.side, m.authorName, m.fromMe, m.body]);
    const name = (who: Who) => actor(who).displayName;
    expect(lines((await read("child", id)).thread)).toEqual([
      ["first", "sender", name("child"), true, "I want to stay at my school."],
      ["reply", "staff", name("caseworker"), false, "Thank you. Which school?"],
      ["answer", "sender", name("child"), true, "Hillside, where my friends are."],
      ["reply", "staff", name("manager"), false, "We will talk about it at the review."],
    ]);
    const staffSide = (await read("caseworker", id)).thread;
    expect(staffSide.map((m) => [m.kind, m.fromMe])).toEqual([["first", false], ["reply", true], ["answer", false], ["reply", false]]);
    // The replies written before answers existed are the same rows, still read as before.
    expect((await read("child", id)).replies.map((r) => r.body)).toEqual(["Thank you. Which school?", "We will talk about it at the review."]);
    expect((await read("child", id)).mayAnswer).toBe(true);
    expect((await read("caseworker", id)).mayAnswer).toBe(false);
  });

  it("nobody but the sender answers: to whoever may not read it the contribution is not there, and a reader who did not send it gets the same", async () => {
    const shared = await send("child", { shareWithFamily: "on" });
    await reply("caseworker", shared.id, "Noted.");
    const before = await prisma().contributionAnswer.count();
    const emailsBefore = await prisma().outboxMessage.count({ where: { kind: "answer-received" } });
    // The mother and the carer may read it (shared with the family), and still cannot answer it.
    for (const who of everyone().filter((w) => w !== "child")) await expect(answer(who, shared.id, "Not mine to answer"), who).rejects.toBeInstanceOf(NotFound);
    await expect(answer("child", randomUUID(), "No such contribution")).rejects.toBeInstanceOf(NotFound);
    // Nothing was written, and nobody was told.
    expect(await prisma().contributionAnswer.count()).toBe(before);
    expect(await prisma().outboxMessage.count({ where: { kind: "answer-received" } })).toBe(emailsBefore);
    const readers: Who[] = [];
    for (const who of everyone()) if ((await read(who, shared.id).then((c) => c.mayAnswer, () => null)) !== null) readers.push(who);
    expect(readers.sort()).toEqual(["carer", "caseworker", "child", "father", "manager", "mother"]);
    for (const who of readers) expect((await read(who, shared.id)).mayAnswer, who).toBe(who === "child");
  });

  it("a withdrawn contribution or request cannot be answered, nor replied to", async () => {
    const { id } = await send("mother");
    await withdrawContribution(cref("mother", id));
    await expect(answer("mother", id, "Still here?")).rejects.toBeInstanceOf(Conflict);
    expect((await read("mother", id)).mayAnswer).toBe(false);

    const asked = await ask("mother");
    await staffReply("caseworker", asked.id, "Can you tell me more?");
    await withdrawRequest(rref("mother", asked.id));
    await expect(answerRequest("mother", asked.id, "Here is more")).rejects.toBeInstanceOf(Conflict);
    await expect(staffReply("caseworker", asked.id, "Hello?")).rejects.toBeInstanceOf(Conflict);
    expect((await request("mother", asked.id)).mayAnswer).toBe(false);
    expect(await prisma().rectificationMessage.count({ where: { requestId: asked.id } })).toBe(1);
  });

  it("an answer after the contribution was added reopens the conversation, not the decision: staff have it due in 10 working days", async () => {
    const { id } = await send("child", { body: "Please write down that I like football." });
    await reply("caseworker", id, "I will add it.");
    const entryId = await addToRecord({ ...cref("caseworker", id), withFamily: false });
    const decided = await prisma().contribution.findUniqueOrThrow({ where: { id }, select: { status: true, recordEntryId: true, addedAt: true, answeredAt: true } });
    const entryBefore = await prisma().entry.findUniqueOrThrow({ where: { id: entryId }, select: { version: true, contentHash: true } });
    // Thursday 17 December 2026: ten working days skip Christmas, the Boxing Day substitute (28th) and New Year's Day.
    await answer("child", id, "And basketball too, please.", { when: at("2026-12-17T15:00:00Z") });
    const after = await prisma().contribution.findUniqueOrThrow({ where: { id }, select: { status: true, recordEntryId: true, addedAt: true, answeredAt: true, answerDueOn: true } });
    expect({ status: after.status, recordEntryId: after.recordEntryId, addedAt: after.addedAt, answeredAt: after.answeredAt }).toEqual(decided);
    expect(await prisma().entry.findUniqueOrThrow({ where: { id: entryId }, select: { version: true, contentHash: true } })).toEqual(entryBefore);
    expect(after.answerDueOn?.toISOString().slice(0, 10)).toBe("2027-01-05");
    const seen = await read("child", id);
    expect(seen.conversation).toEqual({ waitingOnStaff: true, replyDueOn: "2027-01-05", overdue: false });

    const tasks = await findTasks({ db: prisma(), actor: actor("caseworker"), now: clock.now() });
    expect(tasks.tasks.filter((t) => t.id === id).map((t) => [t.kind, t.dueOn, t.href])).toEqual([["contributionAnswer", "2027-01-05", `/records/${fx().A.id}/contributions/${id}`]]);
    const inbox = await findInbox({ db: prisma(), actor: actor("caseworker"), filter: { childId: fx().A.id }, now: new Date("2027-01-06T10:00:00Z") });
    expect(inbox.items.find((i) => i.id === id)?.conversation).toEqual({ waitingOnStaff: true, replyDueOn: "2027-01-05", overdue: true });
    // The team's manager sees it due; the other team's staff see nothing of it.
    const team = await findTeamOverview({ db: prisma(), actor: actor("manager"), now: clock.now() });
    expect(team?.tasks.some((t) => t.kind === "contributionAnswer" && t.id === id)).toBe(true);
    expect((await findTasks({ db: prisma(), actor: actor("otherCaseworker"), now: clock.now() })).tasks.some((t) => t.id === id)).toBe(false);
    // Each allocated caseworker is told by email (the other team's is not).
    const emails = await prisma().outboxMessage.findMany({ where: { kind: "answer-received", link: `/records/${fx().A.id}/contributions/${id}` }, select: { recipientId: true } });
    expect(emails.map((e) => e.recipientId)).toEqual([actor("caseworker").userId]);

    // A staff reply closes the conversation again; the sender hears of it on their home.
    const news = () => prisma().newsItem.count({ where: { recipientId: actor("child").userId, kind: "reply", link: `/records/${fx().A.id}/contributions/${id}` } });
    const told = await news();
    await reply("caseworker", id, "I have added basketball to my notes.");
    expect(await news()).toBe(told + 1);
    expect((await read("child", id)).conversation.waitingOnStaff).toBe(false);
    expect((await findTasks({ db: prisma(), actor: actor("caseworker"), now: clock.now() })).tasks.some((t) => t.kind === "contributionAnswer" && t.id === id)).toBe(false);
    expect((await read("child", id)).status).toBe("added");
  });

  it("a second answer before staff reply keeps the first due date; a second submit of one form makes one answer", async () => {
    const { id } = await send("child");
    await reply("caseworker", id, "Hello");
    const key = randomUUID();
    await answer("child", id, "One", { when: at("2026-12-01T12:00:00Z"), key });
    await answer("child", id, "One", { when: at("2026-12-01T12:00:01Z"), key });
    await answer("child", id, "Two", { when: at("2026-12-08T12:00:00Z") });
    expect((await read("child", id)).thread.filter((m) => m.kind === "answer").map((m) => m.body)).toEqual(["One", "Two"]);
    expect((await prisma().contribution.findUniqueOrThrow({ where: { id } })).answerDueOn?.toISOString().slice(0, 10)).toBe("2026-12-15");
    // One email for the wait, however many answers join it.
    const link = `/records/${fx().A.id}/contributions/${id}`;
    expect(await prisma().outboxMessage.count({ where: { kind: "answer-received", link, recipientId: actor("caseworker").userId } })).toBe(1);
    await reply("caseworker", id, "Thank you");
    await answer("child", id, "Three");
    expect(await prisma().outboxMessage.count({ where: { kind: "answer-received", link, recipientId: actor("caseworker").userId } })).toBe(2);
  });

  it("a correction request taken back after an answer leaves staff no reply to owe", async () => {
    const asked = await ask("mother");
    await staffReply("caseworker", asked.id, "Which date do you mean?");
    await answerRequest("mother", asked.id, "The visit in May.");
    const owed = async () => (await findTasks({ db: prisma(), actor: actor("caseworker"), now: clock.now() })).tasks.some((t) => t.kind === "correctionAnswer" && t.id === asked.id);
    expect(await owed()).toBe(true);
    await withdrawRequest(rref("mother", asked.id));
    expect(await owed()).toBe(false);
    expect((await request("mother", asked.id)).conversation.waitingOnStaff).toBe(false);
  });

  it("files go with an answer under the first message's rules, readable by whoever reads the contribution, and stay out of the record", async () => {
    const { id } = await send("child", { kind: "proud", body: "My certificate" });
    await reply("caseworker", id, "Lovely! Do you have the other page?");
    await expect(checkIncomingFiles([{ name: "page.pdf", read: async () => html() }])).rejects.toBeInstanceOf(FileRefused);
    const six = await Promise.all(Array.from({ length: 6 }, () => picture()));
    await expect(answer("child", id, "Six pages", { files: six })).rejects.toBeInstanceOf(Invalid);
    await expect(answer("child", id, "", { files: [] })).rejects.toBeInstanceOf(Invalid);
    await answer("child", id, "", { files: [await picture()] });
    const thread = (await read("caseworker", id)).thread;
    expect(thread.map((m) => [m.kind, m.files.map((f) => f.fileName)])).toEqual([["first", []], ["reply", []], ["answer", ["drawing.png"]]]);
    const fileId = thread[2]!.files[0]!.id;
    const file = (who: Who) => findContributionFile({ db: prisma(), actor: actor(who), childId: fx().A.id, contributionId: id, attachmentId: fileId });
    for (const who of ["child", "caseworker", "manager"] as const) expect((await file(who)).mediaType, who).toBe("image/png");
    for (const who of ["mother", "father", "otherChild", "otherCaseworker", "admin", "advocate"] as const) await expect(file(who), who).rejects.toBeInstanceOf(NotFound);
    // Added to the record afterwards: the entry is the first message, with its files only.
    const entryId = await addToRecord({ ...cref("caseworker", id), withFamily: false });
    expect(await prisma().attachment.count({ where: { entryId } })).toBe(0);
    // An answer's files are kept with it: the database refuses to take one off.
    await expect(prisma().contributionAttachment.deleteMany({ where: { id: fileId } })).rejects.toThrow();
  });

  it("a correction request: the requester answers after the decision; the outcome and its reasons stay, the conversation opens again", async () => {
    const { id } = await ask("child");
    await expect(answerRequest("child", id, "Too early")).rejects.toBeInstanceOf(Conflict);
    const version = (await request("caseworker", id)).version;
    await decideRequest({ ...rref("caseworker", id), version, outcome: "not_corrected", reason: "The date is the one on the letter.", fixes: [] });
    const decided = await prisma().rectificationRequest.findUniqueOrThrow({ where: { id }, select: { status: true, outcome: true, decisionReason: true, decidedAt: true, closedAt: true, dueOn: true, version: true } });
    expect((await request("child", id)).mayAnswer).toBe(true);
    const drawing = await picture();
    await answerRequest("child", id, "The letter was wrong too.", { when: at("2026-12-03T10:00:00Z"), files: [drawing] });
    expect(await prisma().rectificationRequest.findUniqueOrThrow({ where: { id }, select: { status: true, outcome: true, decisionReason: true, decidedAt: true, closedAt: true, dueOn: true, version: true } })).toEqual(decided);
    const seen = await request("child", id);
    expect(seen.conversation).toEqual({ waitingOnStaff: true, replyDueOn: "2026-12-17", overdue: false });
    expect(seen.thread.map((m) => [m.kind, m.side, m.authorName, m.body, m.files.length])).toEqual([
      ["first", "sender", actor("child").displayName, "The date is wrong.", 0],
      ["answer", "sender", actor("child").displayName, "The letter was wrong too.", 1],
    ]);
    // The answer's file is read like the request's evidence: by whoever may read the request.
    const fileId = seen.thread[1]!.files[0]!.id;
    expect((await findRequestFile({ db: prisma(), actor: actor("caseworker"), childId: fx().A.id, requestId: id, attachmentId: fileId })).mediaType).toBe("image/png");
    await expect(findRequestFile({ db: prisma(), actor: actor("mother"), childId: fx().A.id, requestId: id, attachmentId: fileId })).rejects.toBeInstanceOf(NotFound);
    expect(seen.attachments).toEqual([]);

    const tasks = await findTasks({ db: prisma(), actor: actor("caseworker"), now: clock.now() });
    expect(tasks.tasks.filter((t) => t.id === id).map((t) => [t.kind, t.dueOn])).toEqual([["correctionAnswer", "2026-12-17"]]);
    expect(await prisma().outboxMessage.count({ where: { kind: "answer-received", link: `/records/${fx().A.id}/corrections/${id}`, recipientId: actor("caseworker").userId } })).toBe(1);

    await staffReply("caseworker", id, "I will check the letter again.", at("2026-12-04T10:00:00Z"));
    const after = await request("child", id);
    expect(after.thread.at(-1)).toMatchObject({ kind: "reply", side: "staff", authorName: actor("caseworker").displayName, fromMe: false });
    expect(after.conversation.waitingOnStaff).toBe(false);
    expect(await prisma().newsItem.count({ where: { recipientId: actor("child").userId, kind: "correction-reply", link: `/records/${fx().A.id}/corrections/${id}` } })).toBe(1);
    expect(await prisma().outboxMessage.count({ where: { recipientId: actor("child").userId, kind: "correction-answered", link: `/records/${fx().A.id}/corrections/${id}` } })).toBe(2);
  });

  it("a correction request's thread holds the question and its answer; only the requester answers, and never while a question waits", async () => {
    const { id } = await ask("mother");
    const version = (await request("caseworker", id)).version;
    await askQuestion({ ...rref("caseworker", id), version, note: "Which date do you mean?" });
    await expect(answerRequest("mother", id, "Not the question's answer")).rejects.toBeInstanceOf(Conflict);
    expect((await request("mother", id)).mayAnswer).toBe(false);
    await answerQuestion({ ...rref("mother", id), note: "The visit on the 6th." });
    await answerRequest("mother", id, "And the meeting after it.");
    for (const who of everyone().filter((w) => w !== "mother")) await expect(answerRequest(who, id, "Not mine"), who).rejects.toBeInstanceOf(NotFound);
    for (const who of everyone().filter((w) => !["caseworker", "manager"].includes(w))) await expect(staffReply(who, id, "Not staff"), who).rejects.toBeInstanceOf(NotFound);
    const thread = (await request("caseworker", id)).thread;
    expect(thread.map((m) => [m.kind, m.side, m.authorName, m.body])).toEqual([
      ["first", "sender", actor("mother").displayName, "The date is wrong."],
      ["question", "staff", actor("caseworker").displayName, "Which date do you mean?"],
      ["questionAnswer", "sender", actor("mother").displayName, "The visit on the 6th."],
      ["answer", "sender", actor("mother").displayName, "And the meeting after it."],
    ]);
    expect(await prisma().rectificationMessage.count({ where: { requestId: id } })).toBe(1);
  });

  it("messages are history: the database refuses to change or remove them", async () => {
    await expect(prisma().contributionAnswer.updateMany({ data: { body: "rewritten" } })).rejects.toThrow();
    await expect(prisma().contributionAnswer.deleteMany({})).rejects.toThrow();
    await expect(prisma().rectificationMessage.updateMany({ data: { body: "rewritten" } })).rejects.toThrow();
    await expect(prisma().rectificationMessage.deleteMany({})).rejects.toThrow();
    await expect(prisma().contributionReply.deleteMany({})).rejects.toThrow();
    expect(await prisma().contributionAnswer.count()).toBeGreaterThan(0);
    expect(await prisma().rectificationMessage.count()).toBeGreaterThan(0);
  });
});
