import fs from "node:fs";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../lib/i18n/config.ts";
import { FONT_FILES, openFont, registerFaces } from "../../lib/pdf/fonts.ts";
import { scriptRuns, type Covers } from "../../lib/pdf/scripts.ts";
import { lettersForReaders } from "../../lib/pdf/unicode.ts";

// The PDF copy sets each run of text in a font that has its letters (lib/pdf/scripts.ts, fonts.ts).

type Glyph = { name: string; codePoints: number[] };
type Fontkit = { hasGlyphForCodePoint(c: number): boolean; layout(text: string): { glyphs: Glyph[] } };

// The fonts as one document opens them, through PDFKit (with the copy's fixes to fontkit applied).
function openFonts() {
  const doc = new PDFDocument({ autoFirstPage: false });
  const faces = registerFaces(doc);
  const fontkit = (file: string) => openFont(doc, file) as unknown as Fontkit;
  return { faces, fontkit };
}

const everyLetter: Covers = () => true;
const runs = (text: string, covers: Covers = everyLetter) => scriptRuns(text, covers).map((r) => [r.script, r.text]);

describe("cutting text into runs by script", () => {
  it("keeps one-script text whole, digits and punctuation with it", () => {
    expect(runs("Amira's record, page 3.")).toEqual([["latin", "Amira's record, page 3."]]);
    expect(runs("પાનું 3")).toEqual([["gujarati", "પાનું 3"]]);
    expect(runs("صفحة 3")).toEqual([["arabic", "صفحة 3"]]);
    expect(runs("")).toEqual([]);
  });

  it("cuts where the script changes, inside a word too", () => {
    expect(runs("Amiraનો રેકોર્ડ")).toEqual([["latin", "Amira"], ["gujarati", "નો રેકોર્ડ"]]);
    expect(runs("લખનાર: Sam Fletcher, Social worker")).toEqual([["gujarati", "લખનાર: "], ["latin", "Sam Fletcher, Social worker"]]);
    expect(runs("سجلّ Amira")).toEqual([["arabic", "سجلّ "], ["latin", "Amira"]]);
  });

  it("gives leading punctuation the script of the first letter after it", () => {
    expect(runs("(અંગ્રેજી)")).toEqual([["gujarati", "(અંગ્રેજી)"]]);
    expect(runs("«حفظ»")).toEqual([["arabic", "«حفظ»"]]);
  });

  it("keeps a combining mark with its letter", () => {
    expect(runs("e\u0301ક")).toEqual([["latin", "e\u0301"], ["gujarati", "ક"]]);
  });

  it("sends a character its script's font lacks to a font that has it", () => {
    const onlyGujaratiHasDanda: Covers = (script, c) => c !== 0x964 || script === "gujarati";
    expect(runs("Amira।", onlyGujaratiHasDanda)).toEqual([["latin", "Amira"], ["gujarati", "।"]]);
    const onlyLatin: Covers = (script) => script === "latin";
    expect(runs("ક", onlyLatin)).toEqual([["latin", "ક"]]); // no font has it: the script's own, which draws a box
  });
});

describe("the copy's fonts", () => {
  const { faces, fontkit } = openFonts();
  const byName = new Map<string, Fontkit>(Object.values(FONT_FILES).flatMap((w) => Object.values(w)).map((file) => [file, fontkit(file)]));

  // The PDF's words come from the copy and record namespaces; the names of languages too, in any.
  it.each(LOCALES)("have a glyph for every letter of the %s copy, in the font each run is set in", (locale) => {
    const letters = new Set<string>();
    const walk = (v: unknown): void => {
      if (typeof v === "string") for (const c of v) letters.add(c);
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    for (const ns of ["copy", "record"]) walk(JSON.parse(fs.readFileSync(`locales/${locale}/${ns}.json`, "utf8")));
    const missing: string[] = [];
    for (const weight of ["regular", "bold"] as const) {
      for (const run of faces[weight].runs([...letters].join(""))) {
        for (const c of run.text) if (!/\s/.test(c) && !byName.get(run.font)!.hasGlyphForCodePoint(c.codePointAt(0)!)) missing.push(`${c} (${weight})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("set Polish and Romanian in the Latin font, with every letter of theirs", () => {
    const latin = fontkit(FONT_FILES.latin.regular);
    for (const c of "ąćęłńóśźżĄĆĘŁŃÓŚŹŻșțăâîȘȚĂÂÎ") expect(latin.hasGlyphForCodePoint(c.codePointAt(0)!), c).toBe(true);
  });

  it("shape a number's full stop as Latin, not as Naskh's Arabic full stop", () => {
    const naskh = fontkit(FONT_FILES.latin.regular);
    const last = (text: string) => naskh.layout(text).glyphs.at(-1)!.name;
    expect(last("2025.")).toBe(last("her."));
    expect(naskh.layout("ہے۔").glyphs[0].name).toBe("uni06D4"); // Urdu's own full stop, leftmost (right to left), untouched
  });

  it.each(["regular", "bold"] as const)("shape Gujarati (%s): conjuncts joined, the short i before its consonant", (weight) => {
    const gujarati = fontkit(FONT_FILES.gujarati[weight]);
    const glyphs = (text: string) => gujarati.layout(text).glyphs.map((g) => g.name);
    expect(glyphs("ક્ષ")).toEqual(["kassagujr"]); // one conjunct glyph, not ક + ્ + ષ
    expect(glyphs("સ્ત્રી")).toEqual(["sataragujr", "iivowelsigngujr"]);
    expect(glyphs("કિ")[0]).toMatch(/^ivowelsign/); // drawn before the ક it follows in the text
    expect(glyphs("કિ")[1]).toBe("kagujr");
    // fontkit used to throw on these (a mark with no anchor in the font): see lib/pdf/fontkit-fixes.ts.
    for (const word of ["અંગ્રેજી", "કહ્યું", "અંદર"]) expect(() => gujarati.layout(word)).not.toThrow();
  });
});

describe("the letters behind each glyph, for text extraction", () => {
  const { fontkit } = openFonts();
  const text = (letters: number[][]) => letters.map((l) => String.fromCodePoint(...l)).join("");
  const laidOut = (font: Fontkit, word: string) => {
    const run = font.layout(word) as unknown as { glyphs: Glyph[]; positions: { xAdvance: number }[] };
    return { letters: lettersForReaders(run.glyphs, run.positions.map((p) => p.xAdvance), word), advances: run.positions.map((p) => p.xAdvance) };
  };

  it("reads reordered Gujarati in the order it was typed, marks with their letters", () => {
    const gujarati = fontkit(FONT_FILES.gujarati.regular);
    for (const word of ["કિ", "કિંમત", "ર્ક", "નિર્ણય", "વર્કરે", "સ્ત્રી", "ક્ષ", "અંગ્રેજી", "છે.", "રેકોર્ડ", "માહિતી"]) {
      const { letters, advances } = laidOut(gujarati, word);
      expect(text(letters)).toBe(word);
      // A mark takes no room: a reader would take letters on it for a word of their own.
      expect(letters.filter((l, i) => advances[i] === 0 && l.length > 0)).toEqual([]);
    }
  });

  it("gives an Arabic mark's letter to the letter it sits on, in visual order", () => {
    // سلّ as fontkit lays it out: right to left, the shadda (no room) before its lam.
    const glyphs = [{ codePoints: [0x651] }, { codePoints: [0x644] }, { codePoints: [0x633] }];
    // A reader turns the line round letter by letter, so the lam's letters are given turned round too.
    expect(lettersForReaders(glyphs, [0, 5, 5], "سلّ")).toEqual([[], [0x651, 0x644], [0x633]]);
    // Dots drawn apart from their letter already stand for nothing.
    const dotted = [{ codePoints: [0x6d2] }, { codePoints: [] }, { codePoints: [0x67e] }, { codePoints: [0x627] }];
    expect(lettersForReaders(dotted, [5, 0, 5, 5], "اپے")).toEqual([[0x6d2], [], [0x67e], [0x627]]);
    const ligature = [{ codePoints: [0x644, 0x627] }]; // لا as one glyph
    expect(lettersForReaders(ligature, [5], "لا")).toEqual([[0x627, 0x644]]);
    // "(ب)" on a right-to-left line is drawn mirrored, from ")ب(": a reader is given the brackets as typed.
    const bracketed = [{ codePoints: [0x28] }, { codePoints: [0x628] }, { codePoints: [0x29] }];
    expect(lettersForReaders(bracketed, [5, 5, 5], ")ب(")).toEqual([[0x29], [0x628], [0x28]]);
  });

  it("leaves glyphs in typed order as they are", () => {
    const inOrder = [{ codePoints: [0x41] }, { codePoints: [0x66, 0x69] }];
    expect(lettersForReaders(inOrder, [5, 5], "Afi")).toEqual([[0x41], [0x66, 0x69]]);
  });

  it("lets a glyph the shaper added stand for the letters round it", () => {
    const withCircle = [{ codePoints: [0x25cc] }, { codePoints: [0xabf] }];
    expect(lettersForReaders(withCircle, [5, 5], "િ")).toEqual([[0xabf], []]);
  });
});
