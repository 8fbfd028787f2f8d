// Keeps the real letters behind the PDF's Urdu text, so that copying, searching, text extraction and
// screen readers get the words that were written.
//
// A PDF reader finds the text of a drawn glyph through the font's ToUnicode map: one code, one
// string. Noto Naskh Arabic shapes Urdu from shared pieces: the body of ب ت ث پ ن ی at the start
// of a word is one and the same glyph, and the dots are separate mark glyphs. PDFKit gives each
// glyph one code and maps it to the letter of its first use, and fontkit remembers one set of
// letters per glyph (those of its first use), so after "اپنے" every ت, ب or ی at the start of a
// word was read back as پ. Here each (glyph, letters) pair gets its own code (the same outline
// stored once more in the subset), mapped to its own letters; dots and other marks map to nothing.
//
// Two more things go wrong when a reader puts the letters of a line back together (pdftotext,
// copy and paste). A shaper reorders: Gujarati's short i (િ) is typed after its consonant and drawn
// before it, a reph (ર્) typed before the consonant it sits on and drawn after it, so "કિ" read
// back as "િક" and "નિર્ણય" as "િનણર્ય". And a mark that takes no room of its own (a Gujarati e
// sign, an Arabic shadda or damma) is drawn at its own place above or below its letter, where a
// reader takes it for a letter of another word, or another line: "છે." read back as "છે ." and
// "أُعدّت" as "عدت" with "ُأ ّ" on a line of its own. So the glyphs of a word are grouped, each
// group the fewest glyphs that hold a stretch of the text whole, a mark joining the group of its
// letter; the stretch is shared out, in the order it was typed, among the group's glyphs that take
// room, and marks map to nothing. Unreordered text without marks keeps each glyph's own letters.
// Readers turn a right-to-left line round glyph by glyph, the letters of one glyph included, so
// there a glyph that stands for several letters gives them in visual order, last typed first.

import bidiFactory from "bidi-js";
import { fontkitReverses } from "./scripts.ts";

const bidi = bidiFactory();
const RIGHT_TO_LEFT_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const unmirrored = (codePoint: number) => bidi.getMirroredCharacter(String.fromCodePoint(codePoint))?.codePointAt(0) ?? codePoint;

type Glyph = { id: number; codePoints: number[]; advanceWidth: number };
type FontkitFont = { getGlyph(id: number, codePoints?: number[]): Glyph; hasGlyphForCodePoint(codePoint: number): boolean };
export type EmbeddedFont = {
  font: FontkitFont;
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  scale: number;
  layout(text: string, features?: unknown): { glyphs: Glyph[]; positions: unknown[] };
  encode(text: string, features?: unknown): [string[], unknown[]];
};

const patched = new WeakSet<object>();
const hex4 = (n: number) => n.toString(16).padStart(4, "0");
const sameLetters = (a: number[], b: number[]) => a.length === b.length && a.every((c, i) => c === b[i]);

// The glyphs' letters, in groups that each hold a stretch of the typed text (see above), as [first, end) glyph indexes.
function groupsOf(own: number[][], typed: number[]): { first: number; end: number; from: number; to: number }[] {
  const groups: { first: number; end: number; from: number; to: number }[] = [];
  const owed = new Map<number, number>(); // the open group's glyph letters less its typed letters
  let unsettled = 0;
  const count = (codePoint: number, by: number) => {
    const was = owed.get(codePoint) ?? 0;
    owed.set(codePoint, was + by);
    unsettled += (was === 0 ? 1 : 0) - (was + by === 0 ? 1 : 0);
  };
  let first = 0;
  let from = 0;
  let to = 0;
  own.forEach((letters, i) => {
    for (const c of letters) count(c, 1);
    for (const c of typed.slice(to, to + letters.length)) count(c, -1);
    to = Math.min(typed.length, to + letters.length);
    if (unsettled === 0) {
      groups.push({ first, end: i + 1, from, to });
      first = i + 1;
      from = to;
    }
  });
  // Glyphs the shaper added (a dotted circle under a lone vowel sign) never settle: the rest of
  // the glyphs hold the rest of the text.
  if (first < own.length) groups.push({ first, end: own.length, from, to: typed.length });
  return groups;
}

// Most words of a copy (English, Polish, Romanian; digits): glyphs one by one in typed order, each
// with its own letters, none of them a mark with letters. Checked without building anything.
function plainLeftToRight(glyphs: readonly { codePoints: number[] }[], advances: readonly number[], text: string): boolean {
  let at = 0;
  for (let i = 0; i < glyphs.length; i++) {
    const letters = glyphs[i].codePoints;
    if (advances[i] === 0 && letters.length > 0) return false;
    for (const c of letters) {
      const typed = text.codePointAt(at);
      if (typed !== c || (c >= 0x590 && RIGHT_TO_LEFT_LETTER.test(String.fromCodePoint(c)))) return false; // right-to-left scripts start at U+0590
      at += c > 0xffff ? 2 : 1;
    }
  }
  return at === text.length;
}

/**
 * The letters each glyph stands for, for a reader (see above). `glyphs` and `advances` as fontkit
 * lays the text out: in visual order, so a right-to-left word's glyphs come reversed.
 */
export function lettersForReaders(glyphs: readonly { codePoints: number[] }[], advances: readonly number[], text: string): number[][] {
  if (plainLeftToRight(glyphs, advances, text)) return glyphs.map((g) => g.codePoints);
  const rtl = fontkitReverses(text);
  const inTypedOrder = <T>(list: readonly T[]) => (rtl ? [...list].reverse() : [...list]);
  const own = inTypedOrder(glyphs.map((g) => g.codePoints));
  const takesRoom = inTypedOrder(advances.map((a) => a !== 0));
  const typed = Array.from(text, (c) => c.codePointAt(0)!);
  // A reader turns a right-to-left line round, the letters of each glyph with it: they are given in
  // visual order too. It does not mirror brackets back as it goes: lib/pdf/text.ts drew "(" where
  // ")" was typed, so the glyph is given the ")" that was typed.
  const forReaders = (letters: number[][]) => (rtl ? letters.map((l) => l.map(unmirrored).reverse()).reverse() : letters);
  if (sameLetters(own.flat(), typed) && own.every((letters, i) => takesRoom[i] || letters.length === 0)) return forReaders(own);
  const out: number[][] = own.map(() => []);
  const groups = groupsOf(own, typed);
  // A group of marks alone joins the group before it: the group of the letter they sit on.
  const merged = groups.reduce<typeof groups>((acc, g) => {
    const last = acc[acc.length - 1];
    const marksOnly = takesRoom.slice(g.first, g.end).every((room) => !room);
    if (last && marksOnly) acc[acc.length - 1] = { ...last, end: g.end, to: g.to };
    else acc.push(g);
    return acc;
  }, []);
  for (const g of merged) {
    // Each glyph that takes room holds its own count of letters and those of the marks after it
    // (marks before the first of them go to that first one).
    const indexes = Array.from({ length: g.end - g.first }, (_, k) => g.first + k);
    const roomy = indexes.filter((i) => takesRoom[i]);
    const holders = (roomy.length ? roomy : [g.first]).map((glyph) => ({ glyph, share: 0 }));
    for (const i of indexes) (holders.findLast((h) => h.glyph <= i) ?? holders[0]).share += own[i].length;
    let at = g.from;
    holders.forEach((h, k) => {
      const end = k === holders.length - 1 ? g.to : Math.min(g.to, at + h.share);
      out[h.glyph] = typed.slice(at, end);
      at = end;
    });
  }
  return forReaders(out);
}

/** Makes one of PDFKit's embedded fonts (doc._font after doc.font(name)) map every glyph use to its own letters. */
export function keepShapedLetters(embedded: EmbeddedFont): void {
  if (patched.has(embedded)) return;
  patched.add(embedded);

  // fontkit hands back its cached glyph, with the letters of the glyph's first use: give this use
  // its own letters (same outline and metrics, through the prototype).
  const font = embedded.font;
  const cachedGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints) => {
    const glyph = cachedGlyph(id, codePoints);
    if (!glyph || codePoints === undefined || sameLetters(glyph.codePoints, codePoints)) return glyph;
    return Object.create(glyph, { codePoints: { value: codePoints } }) as Glyph;
  };

  const codes = new Map<string, number>();
  const taken = new Set<number>();
  embedded.encode = function encode(text, features) {
    const { glyphs, positions } = this.layout(text, features);
    const letters = lettersForReaders(glyphs, (positions as { xAdvance: number }[]).map((p) => p.xAdvance), text);
    const encoded = glyphs.map((glyph, i) => {
      const key = `${glyph.id}:${letters[i].join(".")}`;
      let code = codes.get(key);
      if (code === undefined) {
        code = this.subset.includeGlyph(glyph.id);
        if (taken.has(code)) {
          this.subset.glyphs.push(glyph.id); // the same glyph again, under a code of its own
          code = this.subset.glyphs.length - 1;
        }
        taken.add(code);
        codes.set(key, code);
        this.widths[code] = glyph.advanceWidth * this.scale;
        this.unicode[code] = letters[i];
      }
      return hex4(code);
    });
    return [encoded, positions];
  };
}
