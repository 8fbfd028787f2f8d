import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES, negotiateLocale, textDirection } from "../../lib/i18n/config.ts";
import { createI18n } from "../../lib/i18n/instance.ts";
import { flatten, type Tree } from "../../lib/i18n/keys.ts";
import { languageName } from "../../lib/i18n/language-names.ts";
import { aroundSlot, SLOT } from "../../lib/i18n/slot.ts";
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

  // Every other language: every English string, plural keys in the language's own CLDR forms, the
  // English placeholders, nothing extra (the translators' kit's rules, lib/i18n/kit).
  for (const lang of [...LOCALES.filter((l) => l !== "en"), ...PREPARING.filter((l) => fs.existsSync(path.resolve("locales", l)))]) {
    it(`${lang} has every string, in its own plural forms, with the English placeholders, and nothing else`, () => {
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

// i18next picks a plural key by the language's CLDR rules (Intl.PluralRules): Polish says 2-4 one
// way and 5-21 another, Arabic has its own words for two and for three to ten.
describe("plurals in each language's own forms", () => {
  const say = (locale: (typeof LOCALES)[number], key: string, count: number) => createI18n(locale, resources).getFixedT(locale, "account")(key, { count });

  it("Polish: one, few (2-4, 22-24) and many (5-21, 25...)", () => {
    expect(say("pl", "password.newHint", 1)).toMatch(/^Co najmniej 1 znak\./);
    expect(say("pl", "password.newHint", 3)).toMatch(/^Co najmniej 3 znaki\./);
    expect(say("pl", "password.newHint", 22)).toMatch(/^Co najmniej 22 znaki\./);
    expect(say("pl", "password.newHint", 10)).toMatch(/^Co najmniej 10 znaków\./);
  });

  it("Arabic: two in a word of its own, few (3-10) and many (11-99)", () => {
    expect(say("ar", "password.newHint", 2)).toMatch(/^حرفان على الأقل/);
    expect(say("ar", "password.newHint", 10)).toMatch(/^10 أحرف على الأقل/);
    expect(say("ar", "password.newHint", 12)).toMatch(/^12 حرفًا على الأقل/);
  });

  it("Romanian: few (2-19) and other (20 up, \"de\")", () => {
    const ro = (count: number) => createI18n("ro", resources).getFixedT("ro", "record")("entry.lateEntry", { count });
    expect(ro(2)).not.toBe(ro(20));
    expect(ro(20)).toMatch(/20 de /);
  });
});

describe("language choice", () => {
  it("negotiates the best supported language from the browser's list", () => {
    expect(negotiateLocale("ur-PK,ur;q=0.9,en;q=0.8")).toBe("ur");
    expect(negotiateLocale("fr-FR,fr;q=0.9,ur;q=0.5")).toBe("ur");
    expect(negotiateLocale("fr,de")).toBe("en");
    expect(negotiateLocale("ur;q=0,en;q=0.1")).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
    expect(["pl-PL,pl;q=0.9", "gu-IN", "ar-SA,ar;q=0.8,en;q=0.5", "ro-RO"].map(negotiateLocale)).toEqual(["pl", "gu", "ar", "ro"]);
  });

  it("Urdu and Arabic are written right to left, the others left to right", () => {
    expect(textDirection("ur")).toBe("rtl");
    expect(textDirection("ur-PK")).toBe("rtl");
    expect(LOCALES.filter((l) => textDirection(l) === "rtl")).toEqual(["ur", "ar"]);
    expect(textDirection("en")).toBe("ltr");
  });
});

describe("the language menu", () => {
  // Each language file names every language in itself, then in the file's language: the menu
  // marks the name in itself with that language, so every file must start each name with it.
  it("names each language in itself, then in the page's language", () => {
    for (const page of LOCALES) {
      const t = createI18n(page, resources).getFixedT(page, "common");
      for (const language of LOCALES) {
        const name = languageName(language, t(`language.${language}`));
        expect(`${name.own.text} ${name.gloss}`.trim(), `${page}: ${language}`).toBe(t(`language.${language}`));
        // No gloss where the page reads the language already (English and Easy English on each other's pages).
        const primary = (code: string) => code.split("-")[0];
        expect(name.gloss === "", `${page}: ${language}`).toBe(primary(page) === primary(language));
        expect(name.own.dir).toBe(language === "ur" || language === "ar" ? "rtl" : "ltr");
      }
    }
    expect(languageName("ar", "العربية (Arabic)")).toEqual({ own: { text: "العربية", lang: "ar", dir: "rtl" }, gloss: "(Arabic)" });
  });
});

describe("words of another language inside a translated sentence", () => {
  it("splits every language's sentence around the slot its placeholder left", () => {
    for (const locale of LOCALES) {
      const t = createI18n(locale, resources).getFixedT(locale, "corrections");
      const [before, after] = aroundSlot(t("form.part", { n: 1, text: SLOT }));
      expect(before + after, locale).toMatch(/1/);
      expect(`${before}${after}`, locale).not.toContain(SLOT);
      expect(t("form.about", { title: SLOT }), locale).toContain(SLOT);
    }
    expect(aroundSlot(`Part 1: ${SLOT}`)).toEqual(["Part 1: ", ""]);
    expect(aroundSlot("no slot")).toEqual(["no slot", ""]);
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
