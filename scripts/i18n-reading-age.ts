// `npm run i18n:reading-age`: how hard each English variant's child-facing strings are to read, as
// a Markdown table (Flesch-Kincaid over all of them, as a reading age; see lib/i18n/reading-age.ts).
// Reads locales/<variant>/ directly, so a variant can be measured before it is offered.
import fs from "node:fs";
import path from "node:path";
import type { Tree } from "../lib/i18n/keys.ts";
import { childFacingStrings, MIN_WORDS_FOR_OWN_AGE, READING_AGE_LIMITS, readingAge, stringsAbove, words } from "../lib/i18n/reading-age.ts";

const localesDir = path.join(import.meta.dirname, "..", "locales");

function loadVariant(variant: string): Record<string, Tree> {
  const dir = path.join(localesDir, variant);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
  return Object.fromEntries(files.map((f) => [f.replace(/\.json$/, ""), JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Tree]));
}

const rows = Object.entries(READING_AGE_LIMITS)
  .filter(([variant]) => fs.existsSync(path.join(localesDir, variant)))
  .map(([variant, limit]) => {
    const strings = childFacingStrings(loadVariant(variant));
    const all = readingAge(strings);
    // Labels and buttons are short "sentences" that pull the whole-corpus age down: the age of the
    // longer strings alone says more about the prose.
    const prose = readingAge(strings.filter((t) => words(t).length >= MIN_WORDS_FOR_OWN_AGE));
    const { measured, above } = stringsAbove(strings, limit);
    const share = measured ? `${Math.round((above.length / measured) * 100)}% (${above.length} of ${measured})` : "–";
    return `| ${variant} | ${all.strings} | ${all.words} | ${all.age} | ${prose.age} | ${limit} | ${share} |`;
  });

console.log(`| Variant | Strings | Words | Reading age (all) | Reading age (strings of ${MIN_WORDS_FOR_OWN_AGE}+ words) | Limit | Strings above the limit (of those with ${MIN_WORDS_FOR_OWN_AGE}+ words) |`);
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const row of rows) console.log(row);
