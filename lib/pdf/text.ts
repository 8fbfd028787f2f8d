import bidiFactory from "bidi-js";
import type { Face } from "./fonts.ts";
import { fontkitReverses } from "./scripts.ts";

// Paragraph layout for the PDF copy, in either direction. PDFKit shapes Arabic script through
// fontkit (letters join), but it has no bidirectional algorithm: it lays a line out word by word
// in the order the words were typed, so an Urdu line would read backwards. Here each paragraph
// runs through the Unicode Bidirectional Algorithm (bidi-js), is broken into lines, and every
// word is placed by hand, right to left for Urdu and Arabic, with English names and numbers kept
// left to right. Each word is drawn in runs by script (lib/pdf/scripts.ts), each run in a font
// that has its letters, all on one baseline.

const bidi = bidiFactory();
type Doc = PDFKit.PDFDocument;
export type Direction = "ltr" | "rtl";
export type TextStyle = { font: Face; size: number; color?: string; indent?: number; after?: number };
// Part of a line as drawn, left to right: text in one font, or (font null) a word space.
type Piece = { text: string; font: string | null; width: number };

const reversed = (s: string) => Array.from(s).reverse().join("");

/** The direction a paragraph takes from its first strong letter (as dir="auto" does). */
export function directionOf(text: string): Direction {
  const { paragraphs } = bidi.getEmbeddingLevels(text, "auto");
  return paragraphs[0] && paragraphs[0].level % 2 === 1 ? "rtl" : "ltr";
}

type Opened = { _font: { ascender: number } };

// A text's width in the style's face: its runs measured each in its own font.
function widthOf(doc: Doc, text: string, style: TextStyle): number {
  let width = 0;
  for (const run of style.font.runs(text)) width += doc.font(run.font).fontSize(style.size).widthOfString(run.text);
  return width;
}

// Where each line's baseline sits below its top: the line font's, so runs in other fonts line up.
function ascent(doc: Doc, style: TextStyle): number {
  return ((doc.font(style.font.lineFont) as unknown as Opened)._font.ascender / 1000) * style.size;
}

function draw(doc: Doc, pieces: Piece[], x: number, baseline: number, style: TextStyle): void {
  doc.fillColor(style.color ?? "#000000");
  for (const piece of pieces) {
    if (piece.font) doc.font(piece.font).fontSize(style.size).text(piece.text, x, baseline, { lineBreak: false, baseline: "alphabetic" });
    x += piece.width;
  }
}

// Greedy line breaking on spaces; a word too long for a line is cut where it no longer fits.
function breakLines(doc: Doc, text: string, width: number, style: TextStyle): [number, number][] {
  const measure = (s: string) => widthOf(doc, s, style);
  const space = measure(" ");
  const lines: [number, number][] = [];
  let start = -1;
  let end = -1;
  let used = 0;
  for (const m of text.matchAll(/\S+/g)) {
    let from = m.index;
    const to = m.index + m[0].length;
    while (from < to) {
      let cut = to;
      while (cut > from + 1 && measure(text.slice(from, cut)) > width) cut--;
      const w = measure(text.slice(from, cut));
      if (start >= 0 && used + space + w > width) {
        lines.push([start, end]);
        start = -1;
      }
      used = start < 0 ? w : used + space + w;
      if (start < 0) start = from;
      end = cut;
      from = cut;
      if (from < to) {
        lines.push([start, end]);
        start = -1;
      }
    }
  }
  if (start >= 0) lines.push([start, end]);
  return lines;
}

// One line's words in visual order, left to right (rule L2 of the bidi algorithm).
function visualLine(doc: Doc, text: string, levels: Uint8Array, start: number, end: number, style: TextStyle): Piece[] {
  const runs: { from: number; to: number; level: number }[] = [];
  for (let i = start; i < end; i++) {
    const last = runs[runs.length - 1];
    if (last && last.level === levels[i]) last.to = i + 1;
    else runs.push({ from: i, to: i + 1, level: levels[i] });
  }
  const top = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => r.level | 1));
  for (let level = top; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; i++) {
      if (runs[i].level < level) continue;
      let j = i;
      while (j + 1 < runs.length && runs[j + 1].level >= level) j++;
      runs.splice(i, j - i + 1, ...runs.slice(i, j + 1).reverse());
      i = j;
    }
  }
  const pieces: Piece[] = [];
  const space = widthOf(doc, " ", style);
  for (const run of runs) {
    const rtl = run.level % 2 === 1;
    const chunk = text.slice(run.from, run.to);
    const tokens = chunk.match(/\s+|\S+/g) ?? [];
    for (const token of rtl ? tokens.reverse() : tokens) {
      if (/^\s+$/.test(token)) {
        pieces.push({ text: "", font: null, width: space });
        continue;
      }
      const mirrored = rtl ? Array.from(token, (c) => bidi.getMirroredCharacter(c) ?? c).join("") : token;
      // A word in two fonts ("Amiraનો") is drawn font run by font run, right to left on a right-to-left run.
      const fontRuns = style.font.runs(mirrored);
      for (const part of rtl ? [...fontRuns].reverse() : fontRuns) {
        const drawn = rtl === fontkitReverses(part.text) ? part.text : reversed(part.text);
        pieces.push({ text: drawn, font: part.font, width: doc.font(part.font).fontSize(style.size).widthOfString(drawn) });
      }
    }
  }
  return pieces;
}

/**
 * Writes text at doc.y across the page's text width, a new page whenever the next line would not
 * fit. `base` is the paragraph direction: the locale's for the copy's own words, "auto" for what
 * workers wrote (an English entry in an Urdu copy stays left to right). Lines align to their start.
 */
export function writeText(doc: Doc, text: string, style: TextStyle, base: Direction | "auto"): void {
  const { left, right, bottom, top } = doc.page.margins;
  const indent = style.indent ?? 0;
  const width = doc.page.width - left - right - indent;
  const lineHeight = doc.font(style.font.lineFont).fontSize(style.size).currentLineHeight(true);
  const baseline = ascent(doc, style);
  for (const paragraph of text.split(/\r?\n/)) {
    const { levels, paragraphs } = bidi.getEmbeddingLevels(paragraph, base);
    const rtl = (paragraphs[0]?.level ?? 0) % 2 === 1;
    for (const [start, end] of breakLines(doc, paragraph, width, style)) {
      if (doc.y + lineHeight > doc.page.height - bottom) {
        doc.addPage();
        doc.y = top;
      }
      const pieces = visualLine(doc, paragraph, levels, start, end, style);
      const lineWidth = pieces.reduce((sum, p) => sum + p.width, 0);
      const y = doc.y;
      draw(doc, pieces, rtl ? doc.page.width - right - indent - lineWidth : left + indent, y + baseline, style);
      doc.x = left;
      doc.y = y + lineHeight;
    }
  }
  doc.y += style.after ?? 0;
}

/** One line centred at y, with no page break (for page numbers). */
export function writeCentred(doc: Doc, text: string, style: TextStyle, y: number, base: Direction): void {
  const { levels } = bidi.getEmbeddingLevels(text, base);
  const pieces = visualLine(doc, text, levels, 0, text.length, style);
  draw(doc, pieces, (doc.page.width - pieces.reduce((sum, p) => sum + p.width, 0)) / 2, y + ascent(doc, style), style);
}
