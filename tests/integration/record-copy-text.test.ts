import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { LOCALES, type Locale } from "../../lib/i18n/config.ts";
import { createI18n } from "../../lib/i18n/instance.ts";
import { resources } from "../../lib/i18n/resources.ts";
import { importRecords } from "../../lib/imports/apply.ts";
import { collectCopy } from "../../lib/records/copy.ts";
import { renderRecordPdf } from "../../lib/pdf/render.ts";
import { makeAccount, SYSTEM } from "../helpers/account-fixtures.ts";
import { testFileStore } from "../helpers/files.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";

// Screen readers, search and copy-and-paste read a PDF's text, not its pictures of letters: each
// language's copy must give back its own words, in reading order, to a standard text extractor
// (pdftotext, from poppler-utils), set in fonts that have their letters (pdffonts lists them).

function poppler(tool: "pdftotext" | "pdffonts", pdf: Buffer): string {
  const found = spawnSync(tool, ["-v"], { encoding: "utf8" });
  if (found.error) {
    throw new Error(`${tool} is missing: install poppler-utils (Debian: apt-get install -y poppler-utils) to run this test`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-pdftext-"));
  try {
    fs.writeFileSync(path.join(dir, "copy.pdf"), pdf);
    if (tool === "pdffonts") return execFileSync("pdffonts", [path.join(dir, "copy.pdf")], { encoding: "utf8" });
    execFileSync("pdftotext", ["-enc", "UTF-8", path.join(dir, "copy.pdf"), path.join(dir, "copy.txt")]);
    return fs.readFileSync(path.join(dir, "copy.txt"), "utf8");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Lines as extracted, with runs of spaces made one (pdftotext spaces words by their positions)
// and without the invisible direction marks pdftotext puts round right-to-left lines.
const lines = (text: string) =>
  text.split("\n").map((l) => l.replace(/[\u202a-\u202e\u2066-\u2069]/g, "").replace(/\s+/g, " ").trim()).filter(Boolean);

// For comparing words: one Unicode normal form (Arabic marks typed in either order are the same
// letters), and no space either side of an Arabic comma (pdftotext spaces it by where it is drawn).
const comparable = (line: string) => line.normalize("NFC").replace(/ ?، ?/g, "،");

// The same words, in any order, a space put wherever left-to-right and right-to-left letters meet.
const words = (line: string) =>
  line.replace(/(?<=[\p{Script=Latin}0-9])(?=\p{Script=Arabic})|(?<=\p{Script=Arabic})(?=[\p{Script=Latin}0-9])/gu, " ").split(" ").filter(Boolean).sort();
const sameWords = (a: string, b: string) => words(a).join(" ") === words(b).join(" ");

// The fonts embedded, without the subset tag: "ABCDEF+NotoSansGujarati-Bold" is NotoSansGujarati-Bold.
const embeddedFonts = (listing: string) =>
  listing.split("\n").slice(2).filter(Boolean).map((row) => {
    const [name, ...rest] = row.split(/\s+/);
    expect(rest.slice(-5, -2), `${name} is embedded, as a subset, with its letters`).toEqual(["yes", "yes", "yes"]);
    return name.replace(/^[A-Z]{6}\+/, "");
  });

const NASKH = ["NotoNaskhArabic-Bold", "NotoNaskhArabic-Regular"];
const FONTS: Record<Locale, string[]> = {
  en: NASKH, "en-x-easy": NASKH, pl: NASKH, ro: NASKH, ur: NASKH, ar: NASKH,
  gu: [...NASKH, "NotoSansGujarati-Bold", "NotoSansGujarati-Regular"], // English names and entries in Naskh's Latin
};

describe.each(databaseKinds())("the PDF copy's text on %s", (kind) => {
  let test: TestDb;
  const texts = new Map<string, string>();
  const fonts = new Map<string, string[]>();
  const clock = fixedClock("2026-11-02T10:00:00Z");

  beforeAll(async () => {
    test = await createTestDb(kind);
    const raw = fs.readFileSync("prisma/demo/case-records.json");
    const imported = await importRecords({ db: test.prisma, files: testFileStore, clock, actor: SYSTEM, raw });
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const child = await makeAccount(test.prisma, clock, { role: "child", child: "C-1001" });
    const childId = (await test.prisma.child.findUniqueOrThrow({ where: { externalId: "C-1001" } })).id;
    for (const locale of LOCALES) {
      const copy = await collectCopy({ db: test.prisma, actor: child.actor, childId, locale, now: clock.now() });
      const t = createI18n(locale, resources).getFixedT(locale, "copy");
      const chunks: Buffer[] = [];
      for await (const chunk of renderRecordPdf(copy, (key, options) => t(key, options), locale)) chunks.push(chunk as Buffer);
      texts.set(locale, poppler("pdftotext", Buffer.concat(chunks)));
      fonts.set(locale, embeddedFonts(poppler("pdffonts", Buffer.concat(chunks))));
    }
  }, 300_000); // the whole demo record in every language, on a busy machine
  afterAll(async () => {
    await test?.drop();
  });

  it.each(LOCALES)("gives back the %s copy's own headings, letter for letter and in order", (locale) => {
    const t = createI18n(locale, resources).getFixedT(locale, ["copy", "record"]);
    const got = lines(texts.get(locale)!).map(comparable);
    // Headings in the copy's own words, and a paragraph (which may wrap: lines are joined).
    const joined = ` ${got.join(" ")} `;
    const own = [t("copy:cover.subtitle"), t("copy:cover.order"), t("record:types.visit"), t("record:visit.title"), t("record:decision.title")];
    expect(own.map(comparable).filter((words) => !joined.includes(` ${words} `))).toEqual([]);
    // Lines that mix directions (an English name or a number in Arabic script): pdftotext puts
    // the runs of such a line in an order of its own ("2 صفحة" on an English page) and may drop the
    // space where the direction changes ("Amiraکا"), so these are compared word by word.
    const mixed = [t("copy:cover.title", { name: "Amira" }), t("copy:page", { page: 2 })];
    expect(mixed.map(comparable).filter((line) => !got.some((l) => sameWords(l, line)))).toEqual([]);
  });

  it.each(LOCALES)("embeds in the %s copy the fonts its letters need, and only those", (locale) => {
    expect(fonts.get(locale)!.sort()).toEqual(FONTS[locale]);
  });

  it.each(["gu", "ar"])("keeps English entry text whole inside the %s copy", (locale) => {
    const got = lines(texts.get(locale)!);
    // A decision's reasons, written in English and not translated, under a translated label.
    expect(got.find((l) => l.includes("works together to keep her safe"))).toMatch(/works together to keep her safe\.$/);
    expect(got.filter((l) => /^[.,:;!?]\s*[A-Za-z]/.test(l))).toEqual([]);
  });

  it("gives back the copy's own Urdu words, letter for letter and in order", () => {
    const got = lines(texts.get("ur")!);
    expect(got).toContain("اپنے پاس رکھنے کے لیے ایک کاپی");
    // pdftotext spaces an Arabic comma by where it is drawn ("ہوئیں ،سب"): compare the words either side.
    const order = got.find((l) => l.startsWith("اندراجات اسی ترتیب"));
    expect(order).toMatch(/^اندراجات اسی ترتیب سے ہیں جس میں باتیں ہوئیں ?، ?سب سے پرانا پہلے۔$/);
  });

  it("keeps an English paragraph's full stop at its end, each paragraph taking its own direction", () => {
    const got = lines(texts.get("ur")!);
    // A decision's reasons, written in English and not translated, under an Urdu label.
    const last = got.find((l) => l.includes("works together to keep her safe"));
    expect(last).toMatch(/works together to keep her safe\.$/);
    expect(got.filter((l) => /^[.,:;!?]\s*[A-Za-z]/.test(l))).toEqual([]);
  });

  it("gives back the demo record's Urdu titles and text", () => {
    const got = lines(texts.get("ur")!);
    expect(got).toContain("اسکول کی تشویش کے بعد گھر کا دورہ");
    expect(got).toContain("نئے گھر میں منتقلی");
    expect(got.join(" ")).toContain("میں نے اسکول کے بعد امیرہ اور ان کی امی ثنا سے گھر پر ملاقات کی۔");
  });
});
