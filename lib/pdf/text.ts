import bidiFactory from "bidi-js";

// Paragraph layout for the PDF copy, in either direction. PDFKit shapes Arabic script through
// fontkit (letters join), but it has no bidirectional algorithm: it lays a line out word by word
// in the order the words were typed, so an Urdu line would read backwards. Here each paragraph
// runs through the Unicode Bidirectional Algorithm (bidi-js), is broken into lines, and every
// word is placed by hand, right to left for Urdu, with English names and numbers inside it kept
// left to right.

const bidi = bidiFactory();
type Doc = PDFKit.PDFDocument;
export type Direction = "ltr" | "rtl";
export type TextStyle = { font: string; size: number; color?: string; indent?: number; after?: number };
type Piece = { text: string; width: number };

// fontkit turns a word round when the first character with a script of its own is right to left.
const FIRST_SCRIPT = /[^\p{Script=Common}\p{Script=Inherited}]/u;
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

function fontkitReverses(word: string): boolean {
  const first = FIRST_SCRIPT.exec(word);
  return first !== null && RTL_SCRIPT.test(first[0]);
}

const reversed = (s: string) => Array.from(s).reverse().join("");

/** The direction a paragraph takes from its first strong letter (as dir="auto" does). */
export function directionOf(text: string): Direction {
  const { paragraphs } = bidi.getEmbeddingLevels(text, "auto");
  return paragraphs[0] && paragraphs[0].level % 2 === 1 ? "rtl" : "ltr";
}

// Greedy line breaking on spaces; a word too long for a line is cut where it no longer fits.
function breakLines(doc: Doc, text: string, width: number): [number, number][] {
  const space = doc.widthOfString(" ");
  const lines: [number, number][] = [];
  let start = -1;
  let end = -1;
  let used = 0;
  for (const m of text.matchAll(/\S+/g)) {
    let from = m.index;
    const to = m.index + m[0].length;
    while (from < to) {
      let cut = to;
      while (cut > from + 1 && doc.widthOfString(text.slice(from, cut)) > width) cut--;
      const w = doc.widthOfString(text.slice(from, cut));
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
function visualLine(doc: Doc, text: string, levels: Uint8Array, start: number, end: number): Piece[] {
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
  for (const run of runs) {
    const rtl = run.level % 2 === 1;
    const chunk = text.slice(run.from, run.to);
    const tokens = chunk.match(/\s+|\S+/g) ?? [];
    for (const token of rtl ? tokens.reverse() : tokens) {
      if (/^\s+$/.test(token)) {
        pieces.push({ text: "", width: doc.widthOfString(" ") });
        continue;
      }
      const mirrored = rtl ? Array.from(token, (c) => bidi.getMirroredCharacter(c) ?? c).join("") : token;
      const drawn = rtl === fontkitReverses(mirrored) ? mirrored : reversed(mirrored);
      pieces.push({ text: drawn, width: doc.widthOfString(drawn) });
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
  doc.font(style.font).fontSize(style.size).fillColor(style.color ?? "#000000");
  const { left, right, bottom, top } = doc.page.margins;
  const indent = style.indent ?? 0;
  const width = doc.page.width - left - right - indent;
  const lineHeight = doc.currentLineHeight(true);
  for (const paragraph of text.split(/\r?\n/)) {
    const { levels, paragraphs } = bidi.getEmbeddingLevels(paragraph, base);
    const rtl = (paragraphs[0]?.level ?? 0) % 2 === 1;
    for (const [start, end] of breakLines(doc, paragraph, width)) {
      if (doc.y + lineHeight > doc.page.height - bottom) {
        doc.addPage();
        doc.font(style.font).fontSize(style.size).fillColor(style.color ?? "#000000");
        doc.y = top;
      }
      const pieces = visualLine(doc, paragraph, levels, start, end);
      const lineWidth = pieces.reduce((sum, p) => sum + p.width, 0);
      let x = rtl ? doc.page.width - right - indent - lineWidth : left + indent;
      const y = doc.y;
      for (const piece of pieces) {
        if (piece.text) doc.text(piece.text, x, y, { lineBreak: false });
        x += piece.width;
      }
      doc.x = left;
      doc.y = y + lineHeight;
    }
  }
  doc.y += style.after ?? 0;
}

/** One line centred at y, with no page break (for page numbers). */
export function writeCentred(doc: Doc, text: string, style: TextStyle, y: number, base: Direction): void {
  doc.font(style.font).fontSize(style.size).fillColor(style.color ?? "#000000");
  const { levels } = bidi.getEmbeddingLevels(text, base);
  const pieces = visualLine(doc, text, levels, 0, text.length);
  let x = (doc.page.width - pieces.reduce((sum, p) => sum + p.width, 0)) / 2;
  for (const piece of pieces) {
    if (piece.text) doc.text(piece.text, x, y, { lineBreak: false });
    x += piece.width;
  }
}
