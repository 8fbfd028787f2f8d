import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { createI18n } from "../../lib/i18n/instance.ts";
import { resources } from "../../lib/i18n/resources.ts";
import { importRecords } from "../../lib/imports/apply.ts";
import { collectCopy } from "../../lib/records/copy.ts";
import { renderRecordPdf } from "../../lib/pdf/render.ts";
import { makeAccount, SYSTEM } from "../helpers/account-fixtures.ts";
import { testFileStore } from "../helpers/files.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";

// Screen readers, search and copy-and-paste read a PDF's text, not its pictures of letters: the
// Urdu copy must give back the Urdu words, in reading order, to a standard text extractor.

function pdftotext(pdf: Buffer): string {
  const found = spawnSync("pdftotext", ["-v"], { encoding: "utf8" });
  if (found.error) {
    throw new Error("pdftotext is missing: install poppler-utils (Debian: apt-get install -y poppler-utils) to run this test");
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-pdftext-"));
  try {
    fs.writeFileSync(path.join(dir, "copy.pdf"), pdf);
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

describe.each(databaseKinds())("the Urdu PDF copy's text on %s", (kind) => {
  let test: TestDb;
  let text: string;
  const clock = fixedClock("2026-11-02T10:00:00Z");

  beforeAll(async () => {
    test = await createTestDb(kind);
    const raw = fs.readFileSync("prisma/demo/case-records.json");
    const imported = await importRecords({ db: test.prisma, files: testFileStore, clock, actor: SYSTEM, raw });
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const child = await makeAccount(test.prisma, clock, { role: "child", child: "C-1001" });
    const childId = (await test.prisma.child.findUniqueOrThrow({ where: { externalId: "C-1001" } })).id;
    const copy = await collectCopy({ db: test.prisma, actor: child.actor, childId, locale: "ur", now: clock.now() });
    const t = createI18n("ur", resources).getFixedT("ur", "copy");
    const chunks: Buffer[] = [];
    for await (const chunk of renderRecordPdf(copy, (key, options) => t(key, options), "ur")) chunks.push(chunk as Buffer);
    text = pdftotext(Buffer.concat(chunks));
  }, 180_000); // the whole demo record, on a busy machine
  afterAll(async () => {
    await test?.drop();
  });

  it("gives back the copy's own Urdu words, letter for letter and in order", () => {
    const got = lines(text);
    expect(got).toContain("اپنے پاس رکھنے کے لیے ایک کاپی");
    // pdftotext spaces an Arabic comma by where it is drawn ("ہوئیں ،سب"): compare the words either side.
    const order = got.find((l) => l.startsWith("اندراجات اسی ترتیب"));
    expect(order).toMatch(/^اندراجات اسی ترتیب سے ہیں جس میں باتیں ہوئیں ?، ?سب سے پرانا پہلے۔$/);
  });

  it("keeps an English paragraph's full stop at its end, each paragraph taking its own direction", () => {
    const got = lines(text);
    // A decision's reasons, written in English and not translated, under an Urdu label.
    const last = got.find((l) => l.includes("works together to keep her safe"));
    expect(last).toMatch(/works together to keep her safe\.$/);
    expect(got.filter((l) => /^[.,:;!?]\s*[A-Za-z]/.test(l))).toEqual([]);
  });

  it("gives back the demo record's Urdu titles and text", () => {
    const got = lines(text);
    expect(got).toContain("اسکول کی تشویش کے بعد گھر کا دورہ");
    expect(got).toContain("نئے گھر میں منتقلی");
    expect(got.join(" ")).toContain("میں نے اسکول کے بعد امیرہ اور ان کی امی ثنا سے گھر پر ملاقات کی۔");
  });
});
