import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Tree } from "../../lib/i18n/keys.ts";
import { childFacingStrings, READING_AGE_LIMITS, readingAge, readableText, sentenceCount, syllables, words } from "../../lib/i18n/reading-age.ts";

function variant(lang: string): Record<string, Tree> {
  const dir = path.resolve("locales", lang);
  return Object.fromEntries(fs.readdirSync(dir).map((f) => [f.replace(/\.json$/, ""), JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Tree]));
}

describe("the reading-age counter", () => {
  it("counts syllables of everyday and longer words", () => {
    const counts = Object.fromEntries("cat table make asked wanted boxes record children happened radio actual special information beautiful".split(" ").map((w) => [w, syllables(w)]));
    expect(counts).toEqual({ cat: 1, table: 2, make: 1, asked: 1, wanted: 2, boxes: 2, record: 2, children: 2, happened: 2, radio: 3, actual: 3, special: 2, information: 4, beautiful: 3 });
    expect(syllables("2026")).toBe(1);
    expect(syllables("you're")).toBe(1);
  });

  it("takes placeholders and nestings out before counting", () => {
    expect(readableText("Hello {{name}}, $t(common:appName)!")).not.toMatch(/name|appName/);
    expect(words("Made for {{name}} on {{date}}")).toEqual(["Made", "for", "on"]);
  });

  it("counts sentences, and a heading as one", () => {
    expect(sentenceCount("Sign in")).toBe(1);
    expect(sentenceCount("Check it. Then try again! Is it right?")).toBe(3);
    expect(sentenceCount("It is 12.5 kB.")).toBe(1);
  });

  it("gives short plain sentences a young age and long Latinate ones an old one", () => {
    expect(readingAge(["The cat sat on the mat. It was warm."]).age).toBeLessThan(7);
    const hard = "The organisation's determination regarding rectification necessitates consideration of the individual's circumstances and the proportionality of the interference.";
    expect(readingAge([hard]).age).toBeGreaterThan(18);
  });
});

describe("the child-facing strings", () => {
  it("leave out staff-only namespaces and parts", () => {
    const strings = childFacingStrings({
      staff: { a: "Staff screen" },
      consent: { page: { title: "Who can see" }, staff: { form: "Record a share" }, errors: { choose: "Choose one.", noConsent: "Record the share on another basis." } },
      record: { byReader: { recordTitle: { child: "Your record", staff: "Their record" } } },
    });
    expect(strings).toEqual(["Who can see", "Choose one.", "Your record"]);
    expect(childFacingStrings(variant("en")).length).toBeGreaterThan(500);
  });

  for (const [lang, limit] of Object.entries(READING_AGE_LIMITS)) {
    it.skipIf(!fs.existsSync(path.resolve("locales", lang)))(`${lang} reads at a reading age of ${limit} or below`, () => {
      expect(readingAge(childFacingStrings(variant(lang))).age).toBeLessThanOrEqual(limit);
    });
  }

  it.skipIf(!fs.existsSync(path.resolve("locales", "en-x-easy")))("easy read reads younger than standard English", () => {
    expect(readingAge(childFacingStrings(variant("en-x-easy"))).age).toBeLessThan(readingAge(childFacingStrings(variant("en"))).age);
  });
});
