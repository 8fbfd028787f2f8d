import { describe, expect, it } from "vitest";
import { clipText } from "../../lib/plain-text.ts";

// Titles and previews are shortened in one place, at a word, and always say they were shortened.
describe("clipText", () => {
  it("keeps text that fits whole, on one line", () => {
    expect(clipText("The date is wrong.", 80)).toBe("The date is wrong.");
    expect(clipText("  Two\nlines  ", 80)).toBe("Two lines");
  });

  it("cuts at a word boundary and adds an ellipsis, so the cut never reads as the whole", () => {
    const text = "My mum did not say that at the meeting, I said it, and the amount I told the worker 20.";
    const clipped = clipText(text, 80);
    expect(clipped.endsWith("…")).toBe(true);
    expect([...clipped].length).toBeLessThanOrEqual(80);
    expect(clipped).toBe("My mum did not say that at the meeting, I said it, and the amount I told the…");
    expect(text.startsWith(clipped.slice(0, -1))).toBe(true);
    // No word is cut in half, and no comma is left hanging before the ellipsis.
    expect(clipText("one two three, four", 16)).toBe("one two three…");
  });

  it("cuts one long word where it must, and never splits a character", () => {
    expect(clipText("a".repeat(100), 10)).toBe(`${"a".repeat(9)}…`);
    const urdu = "میں نے کارکن کو بتایا کہ تاریخ غلط ہے اور رقم بیس تھی";
    const clipped = clipText(urdu, 20);
    expect(clipped.endsWith("…")).toBe(true);
    expect(urdu.startsWith(clipped.slice(0, -1))).toBe(true);
    expect(clipText("😀".repeat(12), 5)).toBe(`${"😀".repeat(4)}…`);
  });
});
