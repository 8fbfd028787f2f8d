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

type Glyph = { id: number; codePoints: number[]; advanceWidth: number };
type FontkitFont = { getGlyph(id: number, codePoints?: number[]): Glyph };
type EmbeddedFont = {
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
    const encoded = glyphs.map((glyph) => {
      const key = `${glyph.id}:${glyph.codePoints.join(".")}`;
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
        this.unicode[code] = glyph.codePoints;
      }
      return hex4(code);
    });
    return [encoded, positions];
  };
}
