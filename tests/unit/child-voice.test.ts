import { describe, expect, it } from "vitest";
import { resources } from "../../lib/i18n/resources.ts";

// One voice per audience: the child is "you" (never "the child", "they" or "my" in links), and a
// file's own name ("my-photo.png") is quoted so it is not read as the reader's words.
const en = resources.en;
const ur = resources.ur;

describe("words said to the child", () => {
  it("links in the record's menu say 'your', never 'my'", () => {
    const links = Object.entries(en.record.byReader).filter(([k]) => k.startsWith("nav") || k === "thingsTitle").map(([k, v]) => [k, (v as { child: string }).child]);
    expect(links.length).toBeGreaterThan(5);
    for (const [key, text] of links) expect(text, key).not.toMatch(/\bmy\b/i);
    expect(en.record.byReader.navThings.child).toBe("Your things");
    expect(ur.record.byReader.navThings.child).toMatch(/^آپ کی/);
  });

  it("the child's home and consent page speak to them, not about them", () => {
    expect(en.home.young.recordsHeading).toBe("Your record");
    expect(en.consent.who.childYou).toMatch(/^You decide: your worker/);
    expect(en.consent.who.childYou).not.toMatch(/\bthey\b|\btheir worker\b/);
    for (const key of ["staff_child", "staffAndChild_child", "staffAndFamily_child", "everyone_child"] as const) {
      expect(en.contributions.detail.readers[key], key).toMatch(/^Your worker/);
      expect(en.contributions.detail.readers[key], key).not.toMatch(/the child/);
    }
  });

  it("a parent's home does not call the child's record theirs", () => {
    expect(en.home.family.intro).not.toMatch(/your record/);
  });

  it("a download names the file in quotes", () => {
    // Correction requests show their files through the same conversation, in these words.
    for (const text of [en.contributions.detail.download, ur.contributions.detail.download]) {
      expect(text).toMatch(/“\{\{name\}\}”/);
    }
  });

  it("Urdu questions a child asks do not take a gendered verb", () => {
    expect(ur.record.nav.withheld).not.toMatch(/سکتا|سکتی/);
    expect(ur.contributions.kinds.feeling).not.toMatch(/کرتا|کرتی/);
  });
});
