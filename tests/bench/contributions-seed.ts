// Seeds the contributions benchmark: two caseloads of children (one per caseworker), the same
// number of children in each so the two home pages differ only in how much was sent, with each
// child's own account, their mother's, and an advocate for the caseload, all made the real way
// (importRecords, createAccount, allocateCaseworker).
// Then a year of contributions, written in batches (createMany): every kind, from children, mothers
// and advocates (written "with help from"), some children sending far more than others, statuses
// that follow age (new ones sent or opened, older ones answered or added to the record, a few
// overdue or withdrawn), the due date the portal itself would set, files on some (the file rows
// only: the inbox counts files and never reads their bytes), their steps and the caseworker's
// replies; plus a few drafts, which the inbox must skip.
import { randomUUID } from "node:crypto";
import type { Db } from "../../lib/db/connect.ts";
import type { Prisma } from "../../lib/db/generated/client.ts";
import type { ContributionEventKind, ContributionKind, ContributionStatus } from "../../lib/db/generated/enums.ts";
import { allocateCaseworker, createAccount } from "../../lib/accounts/index.ts";
import { systemClock } from "../../lib/clock.ts";
// send.ts directly: the domain index also exports page loaders, which need Next.js running.
import { dueOnFor } from "../../lib/contributions/send.ts";
import { importRecords } from "../../lib/imports/index.ts";
import { createDatabaseFileStore } from "../../lib/files/index.ts";

export type Login = { username: string; password: string };
export type SeededChild = { id: string; name: string; account: Login };
export type Caseload = {
  caseworker: Login;
  children: SeededChild[];
  /** Sent contributions across the caseload (drafts not counted). */
  sent: number;
  /** The newest sent one: the first item of the caseworker's inbox. */
  newest: { id: string; body: string };
};
export type ContributionsSeeded = { large: Caseload; small: Caseload };
export type ContributionSizes = { large: number; small: number; children: number };

const ACTOR = { userId: null, role: "system", displayName: "Benchmark seed" } as const;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const YEAR = 365 * DAY;
const BATCH = 1000;
const FAMILY_PASSWORD = "bench-family-password-2026";
const STAFF_PASSWORD = "bench-caseworker-password-2026";

// Deterministic, so every run measures the same data.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Random = () => number;
const weighted = <T>(random: Random, items: readonly (readonly [T, number])[]): T => {
  let roll = random() * items.reduce((n, [, w]) => n + w, 0);
  return (items.find(([, w]) => (roll -= w) < 0) ?? items[0])[0];
};

const KINDS = [["view", 35], ["feeling", 20], ["wish", 20], ["proud", 15], ["other", 10]] as const satisfies readonly (readonly [ContributionKind, number])[];
const BODIES = [
  "I want to stay at my school because my friends are there.",
  "I don't like it when contact is cancelled at the last minute. Nobody tells me why and I wait by the window for ages. Please can someone ring me when it changes?",
  "I got a certificate for reading the most books in my class this term!",
  "I feel better now that I see my nan every Sunday.",
  "Can I have my own room when we move? My brother keeps me awake and then I'm tired at school and I get told off for it.",
  "Here is my drawing of our new house.",
  "I wish I could see my dad more, even just on the phone.",
  "میں اپنے اسکول میں رہنا چاہتی ہوں کیونکہ میرے دوست وہاں ہیں۔",
  "As his mum I want to say that the new contact arrangements are working much better for him, and he is sleeping through the night again.",
  "",
];
const REPLY = "Thank you for telling me. I will talk to you about it at my next visit.";

type People = { childUserIds: Map<string, string>; motherIds: Map<string, string>; advocateId: string; caseworkerId: string };

/** Both caseloads, their accounts (with passwords) and their contributions. */
export async function seedContributions(db: Db, sizes: ContributionSizes): Promise<ContributionsSeeded> {
  const large = await seedCaseload(db, { tag: "L", children: sizes.children, sent: sizes.large, seed: 11 });
  const small = await seedCaseload(db, { tag: "S", children: sizes.children, sent: sizes.small, seed: 12 });
  // A database in use has statistics; give the fresh one the same before measuring.
  await db.$executeRawUnsafe("ANALYZE");
  return { large, small };
}

async function seedCaseload(db: Db, input: { tag: string; children: number; sent: number; seed: number }): Promise<Caseload> {
  const { tag } = input;
  const childIds = Array.from({ length: input.children }, (_, c) => `C-BENCH-${tag}${c}`);
  await importChildren(db, tag, childIds);
  const caseworker = { username: `bench-cw-${tag.toLowerCase()}`, password: STAFF_PASSWORD };
  const cw = await createAccount({ db, clock: systemClock, actor: ACTOR, ...caseworker, role: "caseworker", displayName: `Caseworker ${tag}` });
  const advocate = await createAccount({ db, clock: systemClock, actor: ACTOR, username: `bench-adv-${tag.toLowerCase()}`, password: FAMILY_PASSWORD, role: "advocate", personExternalId: `P-BENCH-${tag}-ADV` });
  const people: People = { childUserIds: new Map(), motherIds: new Map(), advocateId: advocate.id, caseworkerId: cw.id };
  const children: SeededChild[] = [];
  for (const [c, externalId] of childIds.entries()) {
    await allocateCaseworker({ db, clock: systemClock, actor: ACTOR, username: caseworker.username, childExternalId: externalId });
    const account = { username: `bench-child-${tag.toLowerCase()}${c}`, password: FAMILY_PASSWORD };
    const made = await createAccount({ db, clock: systemClock, actor: ACTOR, ...account, role: "child", childExternalId: externalId });
    const mother = await createAccount({ db, clock: systemClock, actor: ACTOR, username: `bench-mum-${tag.toLowerCase()}${c}`, password: FAMILY_PASSWORD, role: "parent", personExternalId: `P-BENCH-${tag}${c}-M` });
    const child = await db.child.findUniqueOrThrow({ where: { externalId }, select: { id: true, preferredName: true, fullName: true } });
    people.childUserIds.set(child.id, made.id);
    people.motherIds.set(child.id, mother.id);
    children.push({ id: child.id, name: child.preferredName ?? child.fullName, account });
  }
  const newest = await seedSent(db, { tag, children, people, sent: input.sent, seed: input.seed });
  return { caseworker, children, sent: input.sent, newest };
}

async function importChildren(db: Db, tag: string, externalIds: string[]) {
  const advocate = { externalId: `P-BENCH-${tag}-ADV`, fullName: `Advocate ${tag}`, relationship: "advocate" };
  const extract = {
    format: "case-record-import",
    version: 1,
    exportedAt: "2026-07-01T09:00:00+01:00",
    source: "LCS",
    children: externalIds.map((externalId, c) => ({
      externalId,
      fullName: `Child ${tag}${c} Bench`,
      preferredName: `${tag}${c}`,
      dateOfBirth: `${2008 + (c % 9)}-0${1 + (c % 9)}-1${c % 10}`,
      preferredLanguage: c % 3 === 0 ? "ur" : "en",
      people: [{ externalId: `P-BENCH-${tag}${c}-M`, fullName: `Mother ${tag}${c}`, relationship: "mother", parentalResponsibility: true, livesWithChild: true }, advocate],
      entries: [],
    })),
  };
  const imported = await importRecords({ db, files: createDatabaseFileStore(), clock: systemClock, actor: ACTOR, raw: Buffer.from(JSON.stringify(extract)), fileName: `bench-${tag}` });
  if (!imported.ok) throw new Error(`seed import failed: ${JSON.stringify(imported.problems)}`);
}

type Rows = {
  contributions: Prisma.ContributionCreateManyInput[];
  events: Prisma.ContributionEventCreateManyInput[];
  replies: Prisma.ContributionReplyCreateManyInput[];
  files: Prisma.StoredFileCreateManyInput[];
  attachments: Prisma.ContributionAttachmentCreateManyInput[];
};

async function seedSent(db: Db, input: { tag: string; children: SeededChild[]; people: People; sent: number; seed: number }) {
  const random = rng(input.seed);
  const now = Date.now();
  const rows: Rows = { contributions: [], events: [], replies: [], files: [], attachments: [] };
  // Some children send far more than others.
  const childWeights = input.children.map((c) => [c.id, 0.3 + random() * 2] as const);
  const dueCache = new Map<string, Date>();
  const dueOn = (sentAt: Date) => {
    const hour = sentAt.toISOString().slice(0, 13); // the London date cannot change within an hour
    if (!dueCache.has(hour)) dueCache.set(hour, dueOnFor(sentAt));
    return dueCache.get(hour)!;
  };
  let newest: { id: string; body: string } | null = null;
  for (let i = 0; i < input.sent; i++) {
    const isNewest = i === 0;
    const sentAt = new Date(isNewest ? now - 60 * MINUTE : now - 2 * 60 * MINUTE - Math.floor(random() * YEAR));
    const childId = weighted(random, childWeights);
    const body = isNewest ? `The newest thing I sent (${input.tag}-newest)` : BODIES[Math.floor(random() * BODIES.length)];
    const id = addOne(rows, random, { childId, people: input.people, sentAt, body, dueOn: dueOn(sentAt), status: isNewest ? "sent" : statusFor(random, now - sentAt.getTime()) });
    if (isNewest) newest = { id, body };
  }
  // Drafts, never sent: the inbox leaves them out.
  for (let i = 0; i < Math.ceil(input.sent * 0.03); i++) {
    const childId = weighted(random, childWeights);
    const createdAt = new Date(now - Math.floor(random() * 30 * DAY));
    rows.contributions.push({
      id: randomUUID(), childId, authorId: input.people.childUserIds.get(childId)!, submissionKey: randomUUID(), kind: weighted(random, KINDS),
      body: "Still writing this…", locale: "en", sharedWithChild: true, status: "draft", createdAt,
    });
  }
  for (const [table, data] of [["contribution", rows.contributions], ["storedFile", rows.files], ["contributionAttachment", rows.attachments], ["contributionEvent", rows.events], ["contributionReply", rows.replies]] as const) {
    const model = db[table] as unknown as { createMany(args: { data: unknown[] }): Promise<unknown> };
    for (let i = 0; i < data.length; i += BATCH) await model.createMany({ data: data.slice(i, i + BATCH) });
  }
  return newest!;
}

function statusFor(random: Random, age: number): ContributionStatus {
  if (age < 3 * DAY) return weighted(random, [["sent", 70], ["opened", 30]]);
  if (age < 14 * DAY) return weighted(random, [["sent", 25], ["opened", 35], ["answered", 35], ["withdrawn", 5]]);
  return weighted(random, [["sent", 2], ["opened", 5], ["answered", 40], ["added", 50], ["withdrawn", 3]]);
}

type One = { childId: string; people: People; sentAt: Date; body: string; dueOn: Date; status: ContributionStatus };

/** One sent contribution with the steps its status implies, a reply once answered, and files on some. */
function addOne(rows: Rows, random: Random, one: One): string {
  const { people, sentAt, status } = one;
  const id = randomUUID();
  const from = weighted(random, [["child", 55], ["mother", 30], ["advocate", 15]] as const);
  const authorId = from === "child" ? people.childUserIds.get(one.childId)! : from === "mother" ? people.motherIds.get(one.childId)! : people.advocateId;
  const at = (minutes: number) => new Date(sentAt.getTime() + minutes * MINUTE);
  const opened = status !== "sent" && status !== "withdrawn" ? at(60 + random() * 3 * 24 * 60) : null;
  const answered = status === "answered" || status === "added" ? at(4 * 24 * 60 + random() * 6 * 24 * 60) : null;
  const added = status === "added" ? at(11 * 24 * 60) : null;
  const withdrawn = status === "withdrawn" ? at(30 + random() * 600) : null;
  rows.contributions.push({
    id, childId: one.childId, authorId, helpedById: from === "advocate" ? authorId : null, submissionKey: randomUUID(),
    kind: weighted(random, KINDS), body: one.body, locale: one.body.startsWith("میں") ? "ur" : "en",
    sharedWithChild: from !== "mother" || random() < 0.4, sharedWithFamily: random() < 0.25,
    status, sentAt, dueOn: one.dueOn, openedAt: opened, answeredAt: answered, addedAt: added, withdrawnAt: withdrawn,
    createdAt: at(-5 - random() * 60),
  });
  const step = (kind: ContributionEventKind, actorId: string, when: Date | null) => when && rows.events.push({ contributionId: id, kind, actorId, at: when });
  step("sent", authorId, sentAt);
  step("opened", people.caseworkerId, opened);
  step("replied", people.caseworkerId, answered);
  step("added", people.caseworkerId, added);
  step("withdrawn", authorId, withdrawn);
  if (answered) rows.replies.push({ contributionId: id, authorId: people.caseworkerId, body: REPLY, createdAt: answered });
  const files = random() < 0.15 ? 1 + Math.floor(random() * 3) : 0;
  for (let f = 0; f < files; f++) {
    const fileId = randomUUID();
    rows.files.push({ id: fileId, storageKey: `bench/${fileId}`, fileName: `photo-${f + 1}.jpg`, mediaType: "image/jpeg", size: 400_000 + Math.floor(random() * 600_000), sha256: "0".repeat(64), uploadedById: authorId, createdAt: sentAt });
    rows.attachments.push({ contributionId: id, fileId, fileName: `photo-${f + 1}.jpg`, mediaType: "image/jpeg", reencoded: true, createdAt: sentAt });
  }
  return id;
}
