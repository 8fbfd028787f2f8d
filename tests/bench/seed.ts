// Seeds the benchmark's records: three children who share a mother and a father, one record with
// many entries, one with few, and one as large as the first that holds no case summary (so the
// "latest case summary" finds nothing, however far it looks), written in batches (createMany),
// plus the father's account and the third child's own account.
// The entries are a realistic mix: every type, one to four sections of different natures,
// historical plans superseded by newer ones, late entries, entries withheld from the family under
// a restriction, entries excluding the father by name, read-with-worker entries (some released)
// and Urdu translations.
import { randomUUID } from "node:crypto";
import type { Db } from "../../lib/db/connect.ts";
import type { Prisma } from "../../lib/db/generated/client.ts";
import type { EntryType, RestrictionReason, SectionNature, SectionSource } from "../../lib/db/generated/enums.ts";
import { createAccount } from "../../lib/accounts/index.ts";
import { systemClock } from "../../lib/clock.ts";
import { importRecords } from "../../lib/imports/index.ts";
import { createDatabaseFileStore } from "../../lib/files/index.ts";

export type SeededRecord = {
  childId: string;
  name: string;
  entries: number;
  /** The newest entry the father may read: the first on his chronology page. */
  newestVisible: { id: string; title: string };
};

type Login = { username: string; password: string; displayName: string };
export type Seeded = {
  large: SeededRecord;
  small: SeededRecord;
  /** As many entries as `large`, and no case summary among them. */
  bare: SeededRecord;
  /** The father of all three children. */
  user: Login;
  /** The child whose record is `bare`. */
  child: Login;
};
export type SeedSizes = { large: number; small: number; bare: number };

const ACTOR = { userId: null, role: "system", displayName: "Benchmark seed" } as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NEWEST = Date.parse("2026-06-30T10:00:00Z");
const BATCH = 1000;

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

const TYPES: [EntryType, number, string][] = [
  ["contact", 25, "Phone call with school"],
  ["visit", 20, "Home visit"],
  ["note", 14, "Case note"],
  ["assessment", 8, "Child and family assessment update"],
  ["plan", 6, "Child's plan"],
  ["review", 6, "Review meeting"],
  ["decision", 6, "Management decision"],
  ["letter", 5, "Letter to family"],
  ["report", 5, "Health report"],
  ["case_summary", 3, "Case summary"],
  ["chronology", 2, "Chronology update"],
];

const TEXTS: [string, SectionNature, SectionSource][] = [
  ["I visited the family home after school. The house was warm and tidy and there was food in the kitchen.", "fact", "first_hand"],
  ["The school said attendance this term is 94%, up from 88% last term.", "fact", "third_party"],
  ["In my view things at home are calmer than they were in the spring.", "opinion", "first_hand"],
  ["We agreed that contact with dad will stay supervised until the next review.", "decision", "first_hand"],
  ["The health visitor thinks the sleep problems may be linked to worry about moving school.", "hypothesis", "third_party"],
  ["Taking everything together, the plan is working and the risks have come down.", "assessment", "first_hand"],
];
const URDU_TITLE: Partial<Record<EntryType, string>> = {
  visit: "گھر کا دورہ",
  contact: "اسکول سے فون کال",
  review: "جائزہ میٹنگ",
  plan: "بچے کا منصوبہ",
  letter: "خاندان کے نام خط",
};
const REASONS: RestrictionReason[] = ["serious_harm", "confidential", "third_party", "court"];

/** The three records, their people, the father's and the third child's accounts and passwords. */
export async function seed(db: Db, sizes: SeedSizes): Promise<Seeded> {
  const files = createDatabaseFileStore();
  const people = [
    { externalId: "P-BENCH-MUM", fullName: "Nadia Hussain", relationship: "mother", parentalResponsibility: true, livesWithChild: true, preferredLanguage: "ur" },
    { externalId: "P-BENCH-DAD", fullName: "Tariq Hussain", relationship: "father", parentalResponsibility: true, livesWithChild: false, preferredLanguage: "en" },
  ];
  const child = (externalId: string, fullName: string, preferredName: string, dateOfBirth: string) => ({
    externalId, fullName, preferredName, dateOfBirth, preferredLanguage: "ur", people, entries: [],
  });
  const extract = {
    format: "case-record-import",
    version: 1,
    exportedAt: "2026-07-01T09:00:00+01:00",
    source: "LCS",
    children: [
      child("C-BENCH-L", "Layla Hussain", "Layla", "2012-03-14"),
      child("C-BENCH-S", "Zayn Hussain", "Zayn", "2016-09-02"),
      child("C-BENCH-N", "Noor Hussain", "Noor", "2010-05-21"),
    ],
  };
  const imported = await importRecords({ db, files, clock: systemClock, actor: ACTOR, raw: Buffer.from(JSON.stringify(extract)), fileName: "bench" });
  if (!imported.ok) throw new Error(`seed import failed: ${JSON.stringify(imported.problems)}`);

  const dad = await db.person.findUniqueOrThrow({ where: { externalId: "P-BENCH-DAD" }, select: { id: true } });
  const large = await db.child.findUniqueOrThrow({ where: { externalId: "C-BENCH-L" }, select: { id: true, preferredName: true } });
  const small = await db.child.findUniqueOrThrow({ where: { externalId: "C-BENCH-S" }, select: { id: true, preferredName: true } });
  const bare = await db.child.findUniqueOrThrow({ where: { externalId: "C-BENCH-N" }, select: { id: true, preferredName: true } });

  const user = { username: "bench-dad", password: "bench-dad-password-2026", displayName: "Tariq Hussain" };
  await createAccount({ db, clock: systemClock, actor: ACTOR, username: user.username, role: "parent", password: user.password, personExternalId: "P-BENCH-DAD" });
  const noor = { username: "bench-noor", password: "bench-noor-password-2026", displayName: "Noor Hussain" };
  await createAccount({ db, clock: systemClock, actor: ACTOR, username: noor.username, role: "child", password: noor.password, childExternalId: "C-BENCH-N" });

  const [largeNewest, smallNewest, bareNewest] = [
    await seedEntries(db, { childId: large.id, tag: "L", count: sizes.large, excludedPersonId: dad.id, seed: 1 }),
    await seedEntries(db, { childId: small.id, tag: "S", count: sizes.small, excludedPersonId: dad.id, seed: 2 }),
    await seedEntries(db, { childId: bare.id, tag: "N", count: sizes.bare, excludedPersonId: dad.id, seed: 3, caseSummaries: false }),
  ];
  // A database in use has statistics; give the fresh one the same before measuring.
  await db.$executeRawUnsafe("ANALYZE");
  return {
    large: { childId: large.id, name: large.preferredName!, entries: sizes.large, newestVisible: largeNewest },
    small: { childId: small.id, name: small.preferredName!, entries: sizes.small, newestVisible: smallNewest },
    bare: { childId: bare.id, name: bare.preferredName!, entries: sizes.bare, newestVisible: bareNewest },
    user,
    child: noor,
  };
}

async function seedEntries(
  db: Db,
  input: { childId: string; tag: string; count: number; excludedPersonId: string; seed: number; caseSummaries?: boolean },
): Promise<{ id: string; title: string }> {
  const types = input.caseSummaries === false ? TYPES.filter(([type]) => type !== "case_summary") : TYPES;
  const totalWeight = types.reduce((n, t) => n + t[1], 0);
  const random = rng(input.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const entries: Prisma.EntryCreateManyInput[] = [];
  const sections: Prisma.EntrySectionCreateManyInput[] = [];
  const translations: Prisma.EntryTranslationCreateManyInput[] = [];
  const exclusions: Prisma.EntryExclusionCreateManyInput[] = [];
  const restrictions: Prisma.RestrictionCreateManyInput[] = [];
  // Spread the entries over the years before NEWEST, about one every 7 hours, with ties now and then.
  let at = NEWEST;
  let lastPlan: Prisma.EntryCreateManyInput | null = null;
  let newest: { id: string; title: string } | null = null;
  for (let i = 0; i < input.count; i++) {
    const isNewest = i === 0;
    if (i > 0 && random() > 0.03) at -= Math.floor((2 + random() * 10) * HOUR);
    let roll = random() * totalWeight;
    const [type, , label] = isNewest ? types[1] : types.find((t) => (roll -= t[1]) < 0) ?? types[0];
    const n = input.count - i;
    const id = randomUUID();
    const externalId = `E-${input.tag}-${String(n).padStart(6, "0")}`;
    const title = `${label} (${input.tag}-${n})`;
    // Older plans are historical, superseded by the newer plan (we walk newest to oldest).
    const historical = !isNewest && ((type === "plan" && lastPlan !== null) || random() < 0.04);
    const withheldFromFamily = !isNewest && random() < 0.12;
    const withheldFromChild = !isNewest && (withheldFromFamily ? random() < 0.8 : random() < 0.2);
    const excludesDad = !isNewest && random() < 0.06;
    const readWithWorker = !isNewest && random() < 0.05;
    const late = random() < 0.03;
    entries.push({
      id,
      childId: input.childId,
      externalId,
      contentHash: `bench-${externalId}`,
      type,
      title,
      occurredAt: new Date(at),
      recordedAt: new Date(at + (late ? (20 + random() * 40) * DAY : (1 + random() * 6) * HOUR)),
      authorName: pick(["Jasmine Patel", "Sam Fletcher", "Mark Mensah"]),
      authorRole: "Social worker",
      status: historical ? "historical" : "current",
      supersedesExternalId: null,
      withChild: !withheldFromChild,
      withFamily: !withheldFromFamily,
      readWithWorker,
      releasedAt: readWithWorker && random() < 0.5 ? new Date(at + 2 * DAY) : null,
      belongsToChild: type === "letter" && random() < 0.3,
      originalLocation: null,
    });
    if (type === "plan") {
      // The newer plan (already pushed) names this one as the plan it replaced.
      if (lastPlan) lastPlan.supersedesExternalId = externalId;
      lastPlan = entries[entries.length - 1];
    }
    const sectionCount = 1 + Math.floor(random() * 4);
    for (let p = 0; p < sectionCount; p++) {
      const [text, nature, source] = pick(TEXTS);
      sections.push({ id: randomUUID(), entryId: id, position: p, text, nature, source, sourceName: source === "third_party" ? "Oakfield Academy" : null });
    }
    const urdu = URDU_TITLE[type];
    if (urdu && (isNewest || random() < 0.2)) {
      translations.push({
        id: randomUUID(), entryId: id, locale: "ur", title: `${urdu} (${input.tag}-${n})`,
        sections: Array.from({ length: sectionCount }, () => "ہم نے خاندان سے ملاقات کی اور منصوبے پر بات کی۔"),
        translatedBy: "F. Ali", checkedBy: "R. Begum", translatedAt: new Date(at + 3 * DAY),
      });
    }
    if (excludesDad) exclusions.push({ entryId: id, personId: input.excludedPersonId });
    if (withheldFromFamily || (withheldFromChild && random() < 0.5)) {
      restrictions.push({
        id: randomUUID(), entryId: id, reason: pick(REASONS), decidedBy: "Team manager", note: "Kept back for now",
        reviewDue: new Date(NEWEST + (30 + Math.floor(random() * 300)) * DAY),
      });
    }
    if (isNewest) newest = { id, title };
  }
  for (let i = 0; i < entries.length; i += BATCH) await db.entry.createMany({ data: entries.slice(i, i + BATCH) });
  for (let i = 0; i < sections.length; i += BATCH) await db.entrySection.createMany({ data: sections.slice(i, i + BATCH) });
  for (let i = 0; i < translations.length; i += BATCH) await db.entryTranslation.createMany({ data: translations.slice(i, i + BATCH) });
  for (let i = 0; i < exclusions.length; i += BATCH) await db.entryExclusion.createMany({ data: exclusions.slice(i, i + BATCH) });
  for (let i = 0; i < restrictions.length; i += BATCH) await db.restriction.createMany({ data: restrictions.slice(i, i + BATCH) });
  return newest!;
}
