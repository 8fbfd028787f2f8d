import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatCsv, parseCsv } from "../../lib/i18n/kit/csv.ts";
import { readCsvFile, writeCsvFile } from "../../lib/i18n/kit/csv-file.ts";
import type { Outgoing, OutgoingUnit } from "../../lib/i18n/kit/exchange.ts";
import { exportStrings, stringsToExport } from "../../lib/i18n/kit/export-strings.ts";
import { importStrings } from "../../lib/i18n/kit/import-strings.ts";
import { readReviewState } from "../../lib/i18n/kit/review-state.ts";
import { summariseLanguage } from "../../lib/i18n/kit/status.ts";
import { targetStrings } from "../../lib/i18n/kit/target-strings.ts";
import { readXliff } from "../../lib/i18n/kit/xliff-read.ts";
import { writeXliff } from "../../lib/i18n/kit/xliff-write.ts";

// Every test works on its own copy of locales/: the real files are only read.

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "i18n-kit-"));
  fs.cpSync(path.resolve("locales"), dir, { recursive: true });
  // These tests translate into Polish from nothing: start the copy before any Polish was written.
  fs.rmSync(path.join(dir, "pl"), { recursive: true, force: true });
  const state = JSON.parse(fs.readFileSync(path.join(dir, "review-state.json"), "utf8")) as Record<string, unknown>;
  delete state.pl;
  fs.writeFileSync(path.join(dir, "review-state.json"), `${JSON.stringify(state, null, 2)}\n`);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every file under the folder with its bytes, to show that nothing was written. */
const snapshot = (root: string) =>
  Object.fromEntries(
    (fs.readdirSync(root, { recursive: true }) as string[])
      .filter((f) => fs.statSync(path.join(root, f)).isFile())
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(root, f)).toString("base64")]),
  );

const FORMATS = ["xliff", "csv"] as const;
const write = (outgoing: Outgoing, format: (typeof FORMATS)[number]) => (format === "csv" ? writeCsvFile(outgoing) : writeXliff(outgoing));

/** An outgoing file for `lang` holding just these units, filled in as given. */
function fileWith(lang: string, units: Record<string, Partial<OutgoingUnit>>): Outgoing {
  const all = stringsToExport(dir, lang === "fr" ? "pl" : lang, true).units;
  return {
    lang,
    units: Object.entries(units).map(([id, fill]) => {
      const [namespace, key] = id.split(":");
      const known = all.find((u) => u.namespace === namespace && u.key === key);
      return { namespace, key, source: "Some English", ...known, status: "needs review" as const, context: "", ...fill };
    }),
  };
}

const englishText = (ns: string, key: string) => targetStrings(dir, "ur").find((s) => s.id === `${ns}:${key}`)!.source;

function setEnglish(ns: string, keyPath: string, text: string) {
  const file = path.join(dir, "en", `${ns}.json`);
  const tree = JSON.parse(fs.readFileSync(file, "utf8"));
  const parts = keyPath.split(".");
  parts.slice(0, -1).reduce((node, part) => node[part], tree)[parts.at(-1)!] = text;
  fs.writeFileSync(file, `${JSON.stringify(tree, null, 2)}\n`);
}

describe("export and import round trip", () => {
  for (const format of FORMATS) {
    it(`${format}: importing what was exported leaves every file byte-identical`, () => {
      const before = snapshot(dir);
      const report = importStrings(dir, exportStrings(dir, "ur", { format, all: true }));
      expect(report).toMatchObject({ ok: true, lang: "ur", read: 1464, changed: 0 });
      expect(snapshot(dir)).toEqual(before);
    });

    it(`${format}: files rebuilt from an export match the originals, keys in the same order`, () => {
      const before = snapshot(dir);
      const exported = exportStrings(dir, "ur", { format, all: true });
      // Keys gone from the middle, the start and the end of files, and whole files gone.
      for (const ns of ["home", "record"]) {
        const file = path.join(dir, "ur", `${ns}.json`);
        const tree = JSON.parse(fs.readFileSync(file, "utf8"));
        const keys = Object.keys(tree);
        for (const key of keys.filter((_, i) => i % 3 === 0 || i === keys.length - 1)) delete tree[key];
        fs.writeFileSync(file, `${JSON.stringify(tree, null, 2)}\n`);
      }
      fs.rmSync(path.join(dir, "ur", "admin.json"));
      expect(importStrings(dir, exported).ok).toBe(true);
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it("a language being prepared gets its first file, in English's shape, marked as needing review", () => {
    const forms = { one: "{{count}} konto", few: "{{count}} konta", many: "{{count}} kont", other: "{{count}} konta" };
    const file = fileWith("pl", Object.fromEntries(Object.entries(forms).map(([form, target]) => [`admin:accounts.found_${form}`, { target }])));
    // Translation tools often name the language with its region: "pl-PL" is Polish.
    expect(importStrings(dir, writeXliff({ ...file, lang: "pl-PL" }))).toMatchObject({ ok: true, lang: "pl", changed: 4, reviewed: 0, namespacesWritten: ["admin"] });
    const written = fs.readFileSync(path.join(dir, "pl", "admin.json"), "utf8");
    expect(written).toBe(`${JSON.stringify({ accounts: Object.fromEntries(Object.entries(forms).map(([form, text]) => [`found_${form}`, text])) }, null, 2)}\n`);
    expect(summariseLanguage(dir, "pl")).toMatchObject({ translated: 4, reviewed: 0, needsReview: 4 });
  });

  it("an untouched export of a language not yet started writes nothing", () => {
    const before = snapshot(dir);
    expect(importStrings(dir, exportStrings(dir, "pl"))).toMatchObject({ ok: true, read: 0 });
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("which strings a language needs", () => {
  it("plural keys take the language's CLDR forms: Polish one, few, many, other", () => {
    const pl = targetStrings(dir, "pl").filter((s) => s.id.startsWith("admin:accounts.found_")).map((s) => s.key);
    expect(pl).toEqual(["accounts.found_one", "accounts.found_few", "accounts.found_many", "accounts.found_other"]);
    const ar = targetStrings(dir, "ar").filter((s) => s.id.startsWith("home:waiting.paused_")).map((s) => s.plural?.category);
    expect(ar).toEqual(["zero", "one", "two", "few", "many", "other"]);
    // English's extra "zero" (i18next's form for 0) stays in every language.
    expect(targetStrings(dir, "pl").filter((s) => s.id.startsWith("home:waiting.paused_")).map((s) => s.plural?.category)).toEqual(["zero", "one", "few", "many", "other"]);
  });

  it("a context-like suffix is not taken for a plural form", () => {
    expect(targetStrings(dir, "pl").some((s) => s.id === "admin:relationship.foster_carer" && !s.plural)).toBe(true);
  });

  it("the export says where a string lives, its plural form and its placeholders", () => {
    const unit = stringsToExport(dir, "pl").units.find((u) => u.namespace === "record" && u.key === "accessLog.looked_few")!;
    expect(unit).toMatchObject({ source: englishText("record", "accessLog.looked_other"), status: "missing" });
    expect(unit.context).toContain("record: accessLog.looked_few.");
    expect(unit.context).toContain('Plural form "few": Polish uses it for 2, 3, 4, 22…');
    expect(unit.context).toContain("{{count}}, {{date}}, {{who}}");
  });
});

describe("import refuses the whole file", () => {
  function expectRefused(text: string, ...problems: RegExp[]) {
    const before = snapshot(dir);
    const report = importStrings(dir, text);
    expect(report.ok).toBe(false);
    const listed = report.ok ? [] : report.problems;
    for (const problem of problems) expect(listed.some((p) => problem.test(p)), `${problem} in ${listed.join("\n")}`).toBe(true);
    expect(listed).toHaveLength(problems.length);
    expect(snapshot(dir)).toEqual(before);
  }

  const pluralPl = { "admin:accounts.found_one": { target: "{{count}} konto" }, "admin:accounts.found_few": { target: "{{count}} konta" }, "admin:accounts.found_many": { target: "{{count}} kont" }, "admin:accounts.found_other": { target: "{{count}} konta" } };

  for (const format of FORMATS) {
    it(`${format}: a changed placeholder, and every other good string in the file is not written either`, () => {
      const file = fileWith("pl", { ...pluralPl, "home:young.title": { target: "Cześć, {{imie}}" } });
      expectRefused(write(file, format), /^home:young\.title: placeholders differ from the English: it has \{\{name\}\}, the translation \{\{imie\}\}$/);
    });

    it(`${format}: a missing plural form (Polish needs one, few, many, other)`, () => {
      const { "admin:accounts.found_few": _few, "admin:accounts.found_many": _many, ...some } = pluralPl;
      expectRefused(write(fileWith("pl", some), format), /^admin:accounts\.found: Polish needs the plural forms one, few, many, other; missing few, many$/);
    });

    it(`${format}: an extra plural form`, () => {
      expectRefused(write(fileWith("pl", { ...pluralPl, "admin:accounts.found_two": { target: "{{count}} konta" } }), format), /^admin:accounts\.found_two: Polish has no plural form "two"/);
    });

    it(`${format}: an unknown key`, () => {
      expectRefused(write(fileWith("pl", { "home:no.such.key": { target: "Coś" } }), format), /^home:no\.such\.key: unknown key/);
    });

    it(`${format}: a target language that is not a known locale`, () => {
      expectRefused(write(fileWith("fr", {}), format), /target language "fr" is not a known locale/);
    });

    it(`${format}: listing every problem at once`, () => {
      const file = fileWith("ur", {
        "home:no.such.key": { target: "کچھ" },
        "home:waiting.consent.name_one": { target: "ایک سوال" },
        "admin:accounts.found_few": { target: "{{count}} اکاؤنٹ" },
      });
      expectRefused(write(file, format), /^home:no\.such\.key: unknown key/, /^home:waiting\.consent\.name_one: placeholders differ/, /^admin:accounts\.found_few: Urdu has no plural form "few"/);
    });
  }

  it("a file that is not XLIFF 2.0, or not well-formed", () => {
    expectRefused(`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"></xliff>`, /not XLIFF 2\.0/);
    expectRefused(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="pl"><file id="home">`, /not well-formed XML/);
  });

  it("a target holding XLIFF markup instead of a plain {{placeholder}}", () => {
    const xml = writeXliff(fileWith("pl", { "home:young.title": { target: "X" } })).replace(">X</target>", '>Cześć, <ph id="1"/></target>');
    expectRefused(xml, /^home:young\.title: holds <ph> markup/);
  });
});

describe("review state", () => {
  const id = "common:skipToContent";
  const urduOf = (key: string) => targetStrings(dir, "ur").find((s) => s.id === key)!.current!;
  const statusOfId = (key: string) => stringsToExport(dir, "ur", true).units.find((u) => `${u.namespace}:${u.key}` === key)!.status;

  it("Urdu, written by us, needs a native speaker's review throughout", () => {
    expect(summariseLanguage(dir, "ur")).toEqual({ lang: "ur", total: 1464, translated: 1464, reviewed: 0, needsReview: 1464, missing: 0 });
    expect(summariseLanguage(dir, "pl")).toMatchObject({ translated: 0, missing: summariseLanguage(dir, "pl").total });
  });

  it("--reviewed marks reviewed; a later change to the English makes it need review again", () => {
    expect(targetStrings(dir, "ur").some((s) => s.id === id)).toBe(true);
    const file = writeCsvFile(fileWith("ur", { [id]: { target: urduOf(id) } }));
    expect(importStrings(dir, file, { reviewed: true })).toMatchObject({ ok: true, changed: 0, reviewed: 1 });
    expect(statusOfId(id)).toBe("reviewed");
    expect(summariseLanguage(dir, "ur")).toMatchObject({ reviewed: 1, needsReview: 1463 });
    // A reviewed string is left out of the next export unless --all asks for it.
    expect(stringsToExport(dir, "ur").units.some((u) => `${u.namespace}:${u.key}` === id)).toBe(false);

    setEnglish("common", "skipToContent", `${englishText("common", "skipToContent")} now`);
    expect(statusOfId(id)).toBe("changed");
    expect(summariseLanguage(dir, "ur")).toMatchObject({ reviewed: 0, needsReview: 1464 });
    expect(stringsToExport(dir, "ur").units.find((u) => `${u.namespace}:${u.key}` === id)!.status).toBe("changed");
  });

  it('XLIFF state="final" and a CSV status "reviewed" mark reviewed; other units stay as they were', () => {
    const other = "common:signOut";
    const outgoing = fileWith("ur", { [id]: { target: urduOf(id), status: "reviewed" }, [other]: { target: urduOf(other) } });
    expect(importStrings(dir, writeXliff(outgoing))).toMatchObject({ ok: true, reviewed: 1 });
    expect([statusOfId(id), statusOfId(other)]).toEqual(["reviewed", "needs review"]);
    fs.rmSync(path.join(dir, "review-state.json"));
    expect(importStrings(dir, writeCsvFile(outgoing))).toMatchObject({ ok: true, reviewed: 1 });
    expect([statusOfId(id), statusOfId(other)]).toEqual(["reviewed", "needs review"]);
  });

  it("a new text without review loses the mark; one reviewed against older English is not counted reviewed", () => {
    importStrings(dir, writeCsvFile(fileWith("ur", { [id]: { target: urduOf(id) } })), { reviewed: true });
    importStrings(dir, writeCsvFile(fileWith("ur", { [id]: { target: `${urduOf(id)}۔` } })));
    expect(statusOfId(id)).toBe("needs review");
    expect(readReviewState(dir).ur[id]).toBeUndefined();
    importStrings(dir, writeCsvFile(fileWith("ur", { [id]: { target: urduOf(id), source: "What the English said last month" } })), { reviewed: true });
    expect(statusOfId(id)).toBe("changed");
  });
});

describe("XLIFF", () => {
  it("reads what translation tools write back: a unit split into segments, CDATA, units inside groups", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ur-PK">
  <file id="home"><group id="g">
    <unit id="young.title">
      <segment state="final"><source>Hello,</source><target>سلام،</target></segment>
      <ignorable><source> </source></ignorable>
      <segment state="final"><source>{{name}}</source><target><![CDATA[{{name}} & <you>]]></target></segment>
    </unit>
    <unit id="family.title">
      <segment state="final"><source>Hello,</source><target>سلام،</target></segment>
      <segment state="initial"><source>{{name}}</source></segment>
    </unit>
  </group></file>
</xliff>`;
    expect(readXliff(xml)).toEqual({
      lang: "ur-PK",
      sourceLang: "en",
      problems: [],
      units: [
        { id: "home:young.title", source: "Hello, {{name}}", target: "سلام، {{name}} & <you>", reviewed: true },
        { id: "home:family.title", source: "Hello,{{name}}", target: undefined, reviewed: false },
      ],
    });
  });
});

describe("CSV", () => {
  const tricky = [
    ["plain", "with, a comma", 'with "quotes"', "two\nlines", "crlf\r\nline", " edge spaces ", ""],
    ["آپ کا اکاؤنٹ، \"ریکارڈ\"", "‏مرحبا, بالعالم‏", "{{name}} کا\nریکارڈ", "mixed English and اردو, both", "'single'", ";semi;colon", "\t"],
  ];

  it("quotes commas, quotes, line breaks and edge spaces, and reads them back, right-to-left text included", () => {
    const text = formatCsv(tricky);
    expect(parseCsv(text)).toEqual(tricky);
    expect(text.slice(0, text.indexOf("crlf"))).toBe('plain,"with, a comma","with ""quotes""","two\nlines","');
  });

  it("reads what spreadsheets write back: semicolons, LF line ends, a byte-order mark, quoted line breaks", () => {
    const fromSpreadsheet = '\uFEFFkey;en;ur;status;context\ncommon:signOut;Sign out;"سائن\r\nآؤٹ; ""اب""";Reviewed;x\n';
    const read = readCsvFile(fromSpreadsheet);
    expect(read).toMatchObject({ lang: "ur", sourceLang: "en", problems: [] });
    expect(read.units).toEqual([{ id: "common:signOut", source: "Sign out", target: 'سائن\nآؤٹ; "اب"', reviewed: true }]);
  });

  it("names the problem in a broken file", () => {
    expect(() => parseCsv('a,"open\nb')).toThrow(/line 1: a quoted field is not closed/);
    expect(() => parseCsv('a,"closed"x\n')).toThrow(/text after a closing quote/);
    expect(readCsvFile("key,en,ur,status,context\ncommon:signOut,Sign out,x,done,\n").problems).toEqual(['common:signOut: status "done" is not one of missing, changed, needs review, reviewed']);
  });

  it("an exported file reads back unit for unit", () => {
    const outgoing = stringsToExport(dir, "ur", true);
    const read = readCsvFile(writeCsvFile(outgoing));
    expect(read.units.map((u) => [u.id, u.source, u.target])).toEqual(outgoing.units.map((u) => [`${u.namespace}:${u.key}`, u.source, u.target]));
    expect(readXliff(writeXliff(outgoing)).units).toEqual(read.units);
  });
});
