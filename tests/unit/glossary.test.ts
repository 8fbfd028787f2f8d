import { createElement, type ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { LOCALES, type Locale } from "../../lib/i18n/config.ts";
import { resources } from "../../lib/i18n/resources.ts";
import { findGlossaryTerms, GLOSSARY_TERMS, glossaryAnchorId, splitGlossaryText } from "../../lib/records/glossary.ts";

// The components are Server Components that ask for the request's language; here it is set per test.
const request = vi.hoisted(() => ({ locale: "en" as Locale }));
vi.mock("../../lib/i18n/server.ts", async () => {
  const { createI18n } = await import("../../lib/i18n/instance.ts");
  const { resources } = await import("../../lib/i18n/resources.ts");
  return {
    getLocale: async () => request.locale,
    getT: async (ns: string) => createI18n(request.locale, resources).getFixedT(request.locale, ns),
  };
});

const ids = GLOSSARY_TERMS.map((t) => t.id);

describe("glossary terms", () => {
  it("ids are unique", () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("every term has a written form and a meaning in every locale, and every locale's terms are exactly those", () => {
    for (const locale of LOCALES) {
      const terms = (resources[locale].glossary as { terms: Record<string, { term?: string; meaning?: string }> }).terms;
      expect(Object.keys(terms).sort(), locale).toEqual([...ids].sort());
      for (const id of ids) {
        expect(terms[id].term?.trim(), `${locale}:${id}.term`).toBeTruthy();
        expect(terms[id].meaning?.trim(), `${locale}:${id}.meaning`).toBeTruthy();
      }
    }
  });

  it("Urdu keeps the English form, so a reader can find it in the English record", () => {
    const en = resources.en.glossary.terms as Record<string, { term: string }>;
    const ur = resources.ur.glossary.terms as Record<string, { term: string }>;
    for (const id of ids) expect(ur[id].term, id).toContain(`(${en[id].term})`);
  });

  it("every term's own English form is found as that term", () => {
    const en = resources.en.glossary.terms as Record<string, { term: string }>;
    for (const id of ids) expect(findGlossaryTerms(en[id].term), id).toEqual([id]);
  });
});

describe("findGlossaryTerms", () => {
  const cases: [string, string[]][] = [
    ["Amira has a CP plan.", ["cp"]],
    ["The child protection plan ended.", ["cp"]],
    ["Child Protection conference", ["cp"]],
    ["Amira is a child in need.", ["cin"]],
    ["CIN meeting held", ["cin"]],
    ["LAC review on Monday", ["lac"]],
    ["She is looked after by the council.", ["lac"]],
    ["She became looked after in May.", ["lac"]],
    ["looked-after children's team", ["lac"]],
    ["Her CLA review", ["cla"]],
    ["a child looked after", ["cla"]],
    ["Sana has PR.", ["pr"]],
    ["Both parents share parental responsibility", ["pr"]],
    ["PEP meeting at school", ["pep"]],
    ["Two PEPs this year", ["pep"]],
    ["The EHCP was updated", ["ehcp"]],
    ["The EHC plan was updated", ["ehcp"]],
    ["an education, health and care plan", ["ehcp"]],
    ["The IRO chaired the review", ["iro"]],
    ["accommodated under s.20", ["s20"]],
    ["accommodated under s20", ["s20"]],
    ["accommodated under S20", ["s20"]],
    ["accommodated under s. 20 (1)", ["s20"]],
    ["accommodated under section 20", ["s20"]],
    ["Section 47 enquiry", ["s47"]],
    ["a s47 enquiry", ["s47"]],
    ["s.47.", ["s47"]],
    ["Letter before PLO", ["plo"]],
    ["The ICPC was held", ["icpc"]],
    ["the initial child protection conference", ["icpc"]],
    ["the RCPC", ["rcpc"]],
    ["Core group meeting", ["coreGroup"]],
    ["A strategy discussion was held", ["strategyDiscussion"]],
    ["Referred to the LADO", ["lado"]],
    ["A care order was made under Section 31.", ["careOrder"]],
    ["an interim care order", ["ico"]],
    ["SGO assessment", ["sgo"]],
    ["kinship carer", ["kinshipCare"]],
    ["Respite weekend", ["respite"]],
    ["Family time with Dad on Saturday", ["familyTime"]],
    ["Supervised family time", ["familyTime"]],
    ["As a care leaver", ["careLeaver"]],
    ["Her pathway plan and personal adviser", ["pathwayPlan", "personalAdviser"]],
    ["Referral to CAMHS", ["camhs"]],
    ["She is Gillick competent", ["gillick"]],
    ["Amira made a SAR", ["sar"]],
    ["a subject access request", ["sar"]],
  ];
  for (const [text, expected] of cases) {
    it(`finds ${expected.join(", ")} in "${text}"`, () => {
      expect(findGlossaryTerms(text)).toEqual(expected);
    });
  }

  const misses = [
    "Mum learned CPR at college.",
    "She put PEPPER on her food.",
    "ACP and CPS are not terms here; nor is ICPCX or CPs1.",
    "The cinema trip; lac of sleep; a cp in lower case.",
    "Gran looked after her at the weekend.",
    "She was 20 last year; this is 2020; s200 and s.201 and section 470.",
    "Class20 and pass20",
    "PRO and PREP and APR",
    "SARAH and SARS are not requests.",
    "The ICO replied about the complaint.",
    "Her core values; the family; a time for the group.",
    "Gillicks",
    "",
  ];
  for (const text of misses) {
    it(`finds nothing in "${text}"`, () => {
      expect(findGlossaryTerms(text)).toEqual([]);
    });
  }

  it("the longer term wins where two start at the same place, or one holds the other", () => {
    expect(findGlossaryTerms("The initial child protection conference made a child protection plan.")).toEqual(["icpc", "cp"]);
    expect(findGlossaryTerms("an interim care order, then a care order")).toEqual(["ico", "careOrder"]);
    expect(findGlossaryTerms("special guardianship order")).toEqual(["sgo"]);
  });

  it("lists each term once, in order of first appearance, across several texts", () => {
    expect(findGlossaryTerms("The IRO asked about family time. The IRO will write to the CP chair.")).toEqual(["iro", "familyTime", "cp"]);
    expect(findGlossaryTerms(["Under s.20 since May.", "Her PEP and her s20 review.", "No terms here."])).toEqual(["s20", "pep"]);
    expect(findGlossaryTerms([])).toEqual([]);
  });

  it("gives the same answer when called again (no regular-expression state is kept)", () => {
    const text = "CP CP CP and family time";
    expect(findGlossaryTerms(text)).toEqual(findGlossaryTerms(text));
    expect(splitGlossaryText(text)).toEqual(splitGlossaryText(text));
  });
});

describe("splitGlossaryText", () => {
  it("cuts text into plain parts and term parts, keeping the text as written", () => {
    expect(splitGlossaryText("Amira is on a CP plan under s.20, with Family time weekly.")).toEqual([
      { text: "Amira is on a " },
      { text: "CP", termId: "cp" },
      { text: " plan under " },
      { text: "s.20", termId: "s20" },
      { text: ", with " },
      { text: "Family time", termId: "familyTime" },
      { text: " weekly." },
    ]);
  });

  it("handles terms at the very start and end, side by side, and text with none", () => {
    expect(splitGlossaryText("PEP")).toEqual([{ text: "PEP", termId: "pep" }]);
    expect(splitGlossaryText("IRO/PEP")).toEqual([{ text: "IRO", termId: "iro" }, { text: "/" }, { text: "PEP", termId: "pep" }]);
    expect(splitGlossaryText("Nothing special.")).toEqual([{ text: "Nothing special." }]);
    expect(splitGlossaryText("")).toEqual([]);
  });

  const samples = [
    "Visit to Amira. Seen alone. She talked about family time with Dad and her PEP. The IRO will chair the LAC review.",
    "Strategy discussion held; s47 enquiry to start. ICPC booked. Mum asked what PR means. CPR is not CP.",
    "EHC plan / EHCP / education, health and care plan; section 20, S.20, s. 20; care order (s.31).",
    "  leading and trailing spaces  ",
    "Urdu text: اردو میں CP اور فیملی ٹائم",
    "emoji 🙂 before CP and after 🙂",
  ];
  for (const text of samples) {
    it(`joins back to the original: "${text.slice(0, 30)}…"`, () => {
      const parts = splitGlossaryText(text);
      expect(parts.map((p) => p.text).join("")).toBe(text);
      for (const part of parts) expect(part.text).not.toBe("");
      // No two plain parts side by side.
      parts.forEach((part, i) => {
        if (i > 0) expect(Boolean(part.termId) || Boolean(parts[i - 1].termId)).toBe(true);
      });
    });
  }
});

describe("glossaryAnchorId", () => {
  it("is term-<id>, or term-<scope>-<id> when several entries share a page", () => {
    expect(glossaryAnchorId("cp")).toBe("term-cp");
    expect(glossaryAnchorId("familyTime", "e42")).toBe("term-e42-familyTime");
  });
});

describe("components", () => {
  async function render(locale: Locale, node: ReactNode): Promise<string> {
    request.locale = locale;
    const { renderToReadableStream } = await import("react-dom/server.edge");
    const stream = await renderToReadableStream(createElement("div", null, node));
    await stream.allReady;
    return (await new Response(stream).text()).replaceAll("<!-- -->", ""); // React's text separators
  }

  it("GlossaryText links each term to its explanation, escaping the rest of the text", async () => {
    const { GlossaryText } = await import("../../components/records/glossary-text.tsx");
    const html = await render("en", createElement(GlossaryText, { text: "On a CP plan <b> & under s.20." }));
    expect(html).toBe(
      '<div>On a <a href="#term-cp" class="term">CP<span class="term-hint" lang="en"> (what this means)</span></a> plan &lt;b&gt; &amp; under ' +
        '<a href="#term-s20" class="term">s.20<span class="term-hint" lang="en"> (what this means)</span></a>.</div>',
    );
    expect(await render("en", createElement(GlossaryText, { text: "No terms." }))).toBe("<div>No terms.</div>");
    const scoped = await render("ur", createElement(GlossaryText, { text: "PEP", scope: "e1", explainedAt: "/glossary" }));
    expect(scoped).toContain('href="/glossary#term-e1-pep"');
    expect(scoped).toContain('lang="ur"');
  });

  it("WordsExplained lists each term and its meaning in the reader's language, under a labelled section", async () => {
    const { WordsExplained } = await import("../../components/records/words-explained.tsx");
    const en = await render("en", createElement(WordsExplained, { termIds: ["s20", "cp"] }));
    expect(en).toContain('<section class="words-explained" aria-labelledby="words-explained"><h2 id="words-explained">Words in this entry</h2>');
    expect(en.indexOf('id="term-s20"')).toBeLessThan(en.indexOf('id="term-cp"'));
    expect(en).toContain(`<dt>CP</dt><dd>${resources.en.glossary.terms.cp.meaning}</dd>`);

    const ur = await render("ur", createElement(WordsExplained, { termIds: ["cp"], scope: "e7", headingLevel: 3 }));
    expect(ur).toContain('aria-labelledby="words-explained-e7"><h3 id="words-explained-e7">');
    expect(ur).toContain('<dl class="glossary-list" lang="ur" dir="rtl"><div id="term-e7-cp"');
    expect(ur).toContain(resources.ur.glossary.terms.cp.meaning);

    expect(await render("en", createElement(WordsExplained, { termIds: [] }))).toBe("<div></div>");
  });
});
