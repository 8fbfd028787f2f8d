import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES, negotiateLocale, textDirection } from "../../lib/i18n/config.ts";
import { flatten, placeholders, type Tree } from "../../lib/i18n/keys.ts";
import { PREPARING } from "../../lib/i18n/kit/languages.ts";
import { checkStrings } from "../../lib/i18n/kit/prepared-check.ts";
import { resources } from "../../lib/i18n/resources.ts";

const english = resources.en as Record<string, Tree>;
const namespaces = Object.keys(english);

describe("translations", () => {
  it("every locale folder is loaded, with the same namespaces", () => {
    const folders = fs.readdirSync(path.resolve("locales"), { withFileTypes: true }).filter((f) => f.isDirectory()).map((f) => f.name).sort();
    // A language being prepared (lib/i18n/kit/languages.ts) may have its folder before it is offered.
    expect(folders.filter((f) => !(PREPARING as readonly string[]).includes(f))).toEqual([...LOCALES].sort());
    for (const locale of LOCALES) {
      const files = fs.readdirSync(path.resolve("locales", locale)).map((f) => f.replace(/\.json$/, "")).sort();
      expect(files, locale).toEqual(Object.keys(resources[locale]).sort());
      expect(Object.keys(resources[locale]).sort(), locale).toEqual([...namespaces].sort());
    }
  });

  for (const locale of LOCALES.filter((l) => l !== "en")) {
    for (const ns of namespaces) {
      it(`${locale}/${ns} has exactly the English keys, with the same placeholders`, () => {
        const en = flatten(english[ns]);
        const other = flatten((resources[locale] as Record<string, Tree>)[ns]);
        expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
        for (const [key, text] of en) {
          expect(placeholders(other.get(key)!), `${locale}/${ns}:${key}`).toEqual(placeholders(text));
        }
      });
    }
  }

  for (const lang of PREPARING.filter((l) => fs.existsSync(path.resolve("locales", l)))) {
    it(`${lang} (being prepared) has every string, in its own plural forms, with the English placeholders, and nothing else`, () => {
      expect(checkStrings(path.resolve("locales"), lang)).toEqual([]);
    });
  }

  it("no string is empty or left untranslated in a non-English locale", () => {
    for (const locale of LOCALES) {
      for (const ns of namespaces) {
        for (const [key, text] of flatten((resources[locale] as Record<string, Tree>)[ns])) {
          expect(text.trim(), `${locale}/${ns}:${key}`).not.toBe("");
          // Urdu text must contain Arabic-script letters; language names may mix scripts.
          if (locale === "ur" && !key.startsWith("language.")) expect(text, `ur/${ns}:${key}`).toMatch(/[\u0600-\u06FF]/);
        }
      }
    }
  });
});

describe("language choice", () => {
  it("negotiates the best supported language from the browser's list", () => {
    expect(negotiateLocale("ur-PK,ur;q=0.9,en;q=0.8")).toBe("ur");
    expect(negotiateLocale("fr-FR,fr;q=0.9,ur;q=0.5")).toBe("ur");
    expect(negotiateLocale("fr,de")).toBe("en");
    expect(negotiateLocale("ur;q=0,en;q=0.1")).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
  });

  it("Urdu is written right to left, English left to right", () => {
    expect(textDirection("ur")).toBe("rtl");
    expect(textDirection("ur-PK")).toBe("rtl");
    expect(textDirection("en")).toBe("ltr");
  });
});

describe("no hard-coded user-facing text", () => {
  const files = ["app", "components"].flatMap((dir) =>
    (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".tsx")).map((f) => path.join(dir, f)),
  );

  it("finds the page and component files", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it("JSX text and labelling attributes come from translations", () => {
    const offenders: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      // Literal words between tags, e.g. <p>Sign in</p>
      for (const m of source.matchAll(/>\s*([A-Za-z][A-Za-z ,.'!?-]{2,})\s*</g)) offenders.push(`${file}: ${m[1]}`);
      // Literal labels read by assistive technology or shown as tips.
      for (const m of source.matchAll(/\b(aria-label|title|placeholder|alt)="([^"]*[A-Za-z][^"]*)"/g)) offenders.push(`${file}: ${m[1]}="${m[2]}"`);
    }
    expect(offenders).toEqual([]);
  });
});
