import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/access/actor.ts";
import { allocateCaseworker } from "../../lib/accounts/allocate-caseworker.ts";
import { fixedClock } from "../../lib/clock.ts";
import type { Db } from "../../lib/db/connect.ts";
import { NotFound } from "../../lib/errors/index.ts";
import { formatDate } from "../../lib/i18n/format.ts";
import { createI18n } from "../../lib/i18n/instance.ts";
import { resources } from "../../lib/i18n/resources.ts";
import { importRecords } from "../../lib/imports/apply.ts";
import type { ImportFile } from "../../lib/imports/types.ts";
import { collectCopy, type CopyEntry, type RecordCopy } from "../../lib/records/copy.ts";
import { renderRecordPdf } from "../../lib/pdf/render.ts";
import { makeAccount, SYSTEM, uniq, type MadeAccount } from "../helpers/account-fixtures.ts";
import { testFileStore } from "../helpers/files.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";

const author = { name: "Jasmine Patel", role: "Social worker" };
const sharedWithAll = { withChild: true, withFamily: true };

// Five entries: one for everyone (translated into Urdu), one kept back under a restriction, one
// the father is excluded from, one waiting to be read with a worker, and a late decision.
function makeDoc(tag: string): ImportFile {
  const entry = (n: number, title: string, extra: Record<string, unknown>) => ({
    externalId: `E-${n}`, type: "note", title, author, status: "current",
    occurredAt: `2026-0${n}-03T10:00:00+01:00`, recordedAt: `2026-0${n}-03T12:00:00+01:00`,
    sections: [{ text: `What happened in entry ${n}.`, nature: "fact", source: "first-hand" }],
    ...extra,
  });
  return {
    format: "case-record-import", version: 1, exportedAt: "2026-11-01T09:00:00+00:00", source: "LCS",
    children: [{
      externalId: `C-${tag}`, fullName: "Amira Copytest", preferredName: "Amira", dateOfBirth: "2013-04-02", preferredLanguage: "ur",
      people: [
        { externalId: `P-${tag}-m`, fullName: "Sana Copytest", relationship: "mother", parentalResponsibility: true },
        { externalId: `P-${tag}-f`, fullName: "Imran Copytest", relationship: "father", parentalResponsibility: true },
      ],
      entries: [
        entry(1, "Home visit after school", {
          type: "visit", sharing: sharedWithAll,
          visit: { venue: "Family home", present: ["Amira", "Jasmine Patel"], childSeen: true, childSeenAlone: true },
          sections: [
            { text: "Amira showed me her room.", nature: "fact", source: "first-hand" },
            { text: "Amira seems happier.", nature: "opinion", source: "third-party", sourceName: "Her teacher" },
          ],
          translations: [{ locale: "ur", title: "اسکول کے بعد گھر کا دورہ", sections: ["امیرہ نے مجھے اپنا کمرہ دکھایا۔", "امیرہ پہلے سے زیادہ خوش لگتی ہیں۔"], translatedBy: "Farah Ali", translatedAt: "2026-02-01T10:00:00+00:00" }],
        }),
        entry(2, "Strategy discussion", {
          type: "decision", decision: { madeBy: "Team manager", reasons: "Police information." },
          sharing: { withChild: false, withFamily: false, restriction: { reason: "confidential", decidedBy: "Team manager", reviewDue: "2027-01-31" } },
        }),
        entry(3, "Contact with father", { type: "contact", sharing: { ...sharedWithAll, excludePeople: [`P-${tag}-f`] } }),
        entry(4, "Life story work", { sharing: { ...sharedWithAll, readWithWorker: true } }),
        entry(5, "Plan agreed at the review", {
          type: "decision", recordedAt: "2026-05-09T12:00:00+01:00", sharing: sharedWithAll,
          decision: { madeBy: "Review meeting", reasons: "Amira wants to stay at her school.", childView: "I want to stay." },
        }),
      ],
    }],
  } as unknown as ImportFile;
}

const titles = async (copy: RecordCopy) => {
  const out: CopyEntry[] = [];
  for await (const e of copy.entries) out.push(e);
  return out;
};

async function pdfBytes(copy: RecordCopy, locale: "en" | "ur") {
  const t = createI18n(locale, resources).getFixedT(locale, "copy");
  const chunks: Buffer[] = [];
  for await (const chunk of renderRecordPdf(copy, (key, options) => t(key, options), locale)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// The words PDFKit drew, read back through each font's ToUnicode map (no outside tool needed).
function pdfText(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const objects = new Map<number, { dict: string; data: string }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const [dict, rest] = m[2].split(/stream\r?\n/);
    let data = rest === undefined ? "" : rest.replace(/\r?\nendstream\s*$/, "");
    if (/FlateDecode/.test(dict) && data) data = inflateSync(Buffer.from(data, "latin1")).toString("latin1");
    objects.set(Number(m[1]), { dict, data });
  }
  const unicode = (hex: string) => String.fromCharCode(...hex.trim().split(/\s+/).map((h) => parseInt(h, 16)));
  const cmaps = new Map<string, Map<number, string>>();
  for (const [name, ref] of [...raw.matchAll(/\/(F\d+) (\d+) 0 R/g)].map((m) => [m[1], Number(m[2])] as const)) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(ref)?.dict ?? "");
    const map = new Map<number, string>();
    for (const r of (toUnicode ? objects.get(Number(toUnicode[1]))!.data : "").matchAll(/<(\w+)> <\w+> \[([^\]]*)\]/g)) {
      [...r[2].matchAll(/<([^>]*)>/g)].forEach((e, i) => map.set(parseInt(r[1], 16) + i, unicode(e[1])));
    }
    cmaps.set(name, map);
  }
  const pages: string[] = [];
  for (const { dict } of objects.values()) {
    if (!/\/Type \/Page\b/.test(dict)) continue;
    const contents = objects.get(Number(/\/Contents (\d+) 0 R/.exec(dict)![1]))!.data;
    let font = new Map<number, string>();
    const words: string[] = [];
    for (const op of contents.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (op[1]) font = cmaps.get(op[1]) ?? new Map();
      else words.push([...op[2].matchAll(/<([0-9a-f]+)>/gi)].map((h) => h[1].match(/.{4}/g)!.map((g) => font.get(parseInt(g, 16)) ?? "?").join("")).join(""));
    }
    pages.push(words.join(" "));
  }
  return pages;
}

describe.each(databaseKinds())("a copy to keep on %s", (kind) => {
  let test: TestDb;
  const clock = fixedClock("2026-11-02T10:00:00Z");
  const db = () => test.prisma;
  let childId: string;
  let child: MadeAccount, mother: MadeAccount, father: MadeAccount, worker: MadeAccount, stranger: MadeAccount;
  const copyFor = (actor: Actor, locale = "en") => collectCopy({ db: db(), actor, childId, locale, now: clock.now() });

  beforeAll(async () => {
    test = await createTestDb(kind);
    const tag = uniq("copy");
    const imported = await importRecords({ db: db(), files: testFileStore, clock, actor: SYSTEM, raw: Buffer.from(JSON.stringify(makeDoc(tag))) });
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    childId = (await db().child.findUniqueOrThrow({ where: { externalId: `C-${tag}` } })).id;
    child = await makeAccount(db(), clock, { role: "child", child: `C-${tag}` });
    mother = await makeAccount(db(), clock, { role: "parent", person: `P-${tag}-m` });
    father = await makeAccount(db(), clock, { role: "parent", person: `P-${tag}-f` });
    worker = await makeAccount(db(), clock, { role: "caseworker", team: uniq("North") });
    stranger = await makeAccount(db(), clock, { role: "caseworker", team: uniq("South") });
    await allocateCaseworker({ db: db(), clock, actor: SYSTEM, username: worker.username, childExternalId: `C-${tag}` });
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("holds exactly what each viewer may read, oldest first", async () => {
    const seen = async (a: MadeAccount) => (await titles(await copyFor(a.actor))).map((e) => e.title);
    expect(await seen(child)).toEqual(["Home visit after school", "Contact with father", "Plan agreed at the review"]);
    // "Life story work" waits to be read with Amira: her parents do not get it before she does.
    expect(await seen(mother)).toEqual(["Home visit after school", "Contact with father", "Plan agreed at the review"]);
    expect(await seen(father)).toEqual(["Home visit after school", "Plan agreed at the review"]);
    expect(await seen(worker)).toEqual(["Home visit after school", "Strategy discussion", "Contact with father", "Life story work", "Plan agreed at the review"]);
    expect((await copyFor(father.actor)).total).toBe(2);
  });

  it("is not found for someone with no access to the record", async () => {
    await expect(copyFor(stranger.actor)).rejects.toBeInstanceOf(NotFound);
  });

  it("uses the Urdu translation for an Urdu reader and says when there is none", async () => {
    const [visit, , plan] = await titles(await copyFor(child.actor, "ur"));
    expect(visit.title).toBe("اسکول کے بعد گھر کا دورہ");
    expect(visit.sections.map((s) => s.text)).toEqual(["امیرہ نے مجھے اپنا کمرہ دکھایا۔", "امیرہ پہلے سے زیادہ خوش لگتی ہیں۔"]);
    expect(visit.translation).toEqual({ translatedBy: "Farah Ali", checkedBy: null });
    expect(visit.visit?.venue).toBe("Family home");
    expect(plan).toMatchObject({ title: "Plan agreed at the review", untranslated: true, translation: null, lateByDays: 6 });
    expect(plan.decision?.childView).toBe("I want to stay.");
  });

  it("renders a PDF with what the viewer may see and nothing else", async () => {
    const pdf = await pdfBytes(await copyFor(father.actor), "en");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = pdfText(pdf);
    expect(pdf.toString("latin1")).toMatch(new RegExp(`/Count ${pages.length}\\b`));
    expect(pages).toHaveLength(3); // the cover, then the two entries he may read over two pages (a decision's answers are paragraphs of their own)
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1}`));
    const text = pages.join("\n");
    expect(pages[0]).toContain("Amira's record");
    expect(pages[0]).toContain(`Made for ${father.actor.displayName} on ${formatDate(clock.now(), "en")}`);
    expect(text).toContain("Home visit after school");
    expect(text).toContain("Plan agreed at the review");
    expect(text).toContain("Was the child seen? Yes");
    expect(text).not.toContain("Contact with father");
    expect(text).not.toContain("Strategy discussion");
    expect(text).not.toContain("Life story work");
  });

  it("renders an Urdu copy with the embedded Arabic-script font", async () => {
    const pdf = await pdfBytes(await copyFor(child.actor, "ur"), "ur");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/NotoNaskhArabic/);
    const text = pdfText(pdf).join("\n");
    expect(text).toContain("Plan agreed at the review"); // the untranslated entry, in English
    expect(text).not.toContain("Life story work");
  });

  it("reads a large record in batches of 500, in order, without repeats", async () => {
    const many = await db().child.create({ data: { externalId: uniq("C-big"), fullName: "Big Record", dateOfBirth: new Date("2012-01-01") } });
    const at = (i: number) => new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 7) * 3_600_000); // seven entries share each time
    await db().entry.createMany({
      data: Array.from({ length: 1_230 }, (_, i) => ({
        childId: many.id, externalId: `E-${i}`, contentHash: "x", type: "note" as const, title: `Entry ${i}`, occurredAt: at(i), recordedAt: at(i),
        authorName: "A", authorRole: "B", status: "current" as const, withChild: true, withFamily: i % 41 !== 0,
      })),
    });
    const family = await db().person.create({ data: { externalId: uniq("P-big"), fullName: "Big Parent" } });
    await db().childPerson.create({ data: { childId: many.id, personId: family.id, relationship: "mother" } });
    const parent = await makeAccount(db(), clock, { role: "parent", person: family.externalId });
    const takes: number[] = [];
    const counting = { child: db().child, entry: { count: db().entry.count.bind(db().entry), findMany: (args: { take: number }) => (takes.push(args.take), db().entry.findMany(args as never)) } };
    const copy = await collectCopy({ db: counting as unknown as Db, actor: parent.actor, childId: many.id, locale: "en" });
    const got = await titles(copy);
    const expected = 1_230 - Math.ceil(1_230 / 41);
    expect(copy.total).toBe(expected);
    expect(got).toHaveLength(expected);
    expect(new Set(got.map((e) => e.id)).size).toBe(expected);
    expect(takes).toEqual([500, 500, 500]);
    const key = (e: CopyEntry) => `${e.occurredAt.toISOString()}|${e.id}`;
    expect(got.map(key)).toEqual(got.map(key).sort());
  });
});
