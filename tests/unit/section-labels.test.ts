import { describe, expect, it } from "vitest";
import { EntryType, SectionNature, SectionSource } from "../../lib/db/generated/enums.ts";
import { LOCALES, type Locale } from "../../lib/i18n/config.ts";
import { createI18n } from "../../lib/i18n/instance.ts";
import { resources } from "../../lib/i18n/resources.ts";
import { sectionLabel } from "../../lib/records/section-label.ts";

// Every part of every kind of entry gets a label that reads as a plain sentence, in every
// language: the council's free-text source ("A neighbour (name withheld at their request)") is
// never spliced into it, but shown on its own line.
const SOURCE = "A neighbour (name withheld at their request)";
const t = (locale: Locale) => createI18n(locale, resources as never).getFixedT(locale, "record");

const combinations = Object.values(SectionNature).flatMap((nature) =>
  Object.values(SectionSource).flatMap((source) => Object.values(EntryType).map((type) => ({ nature, source, type }))),
);

describe("section labels", () => {
  it("cover every nature, source and entry kind (7 × 2 × 11)", () => {
    expect(combinations).toHaveLength(154);
  });

  for (const locale of LOCALES) {
    it(`${locale}: each is a whole translated sentence, with no source spliced into it`, () => {
      const tr = t(locale);
      for (const c of combinations) {
        const { key, toldBy } = sectionLabel({ nature: c.nature, source: c.source, sourceName: SOURCE }, c.type);
        const where = `${locale} ${c.nature}/${c.source}/${c.type}: ${key}`;
        const text = tr(key, { source: SOURCE });
        expect(tr(key), where).not.toBe(key); // the key exists
        expect(text, where).not.toMatch(/\{\{|neighbour/i);
        // No capital letter after the first word: nothing capitalised is spliced mid-sentence.
        if (locale === "en") expect(text.slice(1), where).not.toMatch(/[A-Z]/);
        // Someone's own words always say whose they are; other parts name a source only when it is someone else.
        expect(toldBy, where).toBe(c.source === "third_party" || c.nature === "own_words" ? SOURCE : null);
      }
    });
  }

  it("the source stands on its own line, after a colon", () => {
    expect(t("en")("sectionLabels.toldBy", { source: SOURCE })).toBe(`Told by: ${SOURCE}`);
    expect(t("ur")("sectionLabels.toldBy", { source: SOURCE })).toMatch(new RegExp(`: ${SOURCE.replace(/[()]/g, "\\$&")}$`));
  });

  it("letters and documents are labelled as what they are, visits by what the worker saw", () => {
    const en = t("en");
    const label = (type: EntryType, nature: SectionNature = "fact", source: SectionSource = "first_hand") =>
      en(sectionLabel({ nature, source, sourceName: null }, type).key);
    expect(label("letter")).toBe("What the letter says");
    expect(label("report")).toBe("What the report says");
    expect(label("case_summary")).toBe("What the summary says");
    expect(label("visit")).toBe("What the worker saw or heard");
    expect(label("letter", "opinion")).toBe("What the person who wrote this thinks");
    expect(label("visit", "fact", "third_party")).toBe("What someone else told us");
    expect(label("letter", "decision", "third_party")).toBe("What was decided");
    // A third-party part with no name given says so without a "Told by" line.
    expect(sectionLabel({ nature: "fact", source: "third_party", sourceName: "  " }, "visit").toldBy).toBeNull();
  });
});
