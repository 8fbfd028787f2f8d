import fs from "node:fs";
import path from "node:path";
import { mendFontkit, type FontkitInternals } from "./fontkit-fixes.ts";
import { scriptRuns, type Covers, type Script } from "./scripts.ts";
import { keepShapedLetters, type EmbeddedFont } from "./unicode.ts";

// The copy's fonts, by script and weight; TTF, as PDFKit embeds (not woff2), from Google Fonts'
// Noto builds as the @expo-google-fonts packages ship them. Noto Naskh Arabic sets Arabic and Urdu,
// and Latin too: its Latin has every letter of English, Polish and Romanian (ą ł ż ș ț ă î ...,
// tests/unit/pdf-fonts.test.ts checks each language's words), so English in an Urdu or Arabic
// copy needs no second font. Noto Sans Gujarati sets Gujarati; fontkit's Indic shaper joins its
// conjuncts and places its vowel signs. PDFKit embeds only the fonts a copy draws with, as subsets.

export type Weight = "regular" | "bold";
type Files = Record<Weight, string>;

const NASKH: Files = {
  regular: "@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf",
  bold: "@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf",
};
const GUJARATI: Files = {
  regular: "@expo-google-fonts/noto-sans-gujarati/400Regular/NotoSansGujarati_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-gujarati/700Bold/NotoSansGujarati_700Bold.ttf",
};
export const FONT_FILES: Record<Script, Files> = { latin: NASKH, arabic: NASKH, gujarati: GUJARATI };
// A line's height and baseline come from this font, whatever its runs are set in: Naskh's are the
// roomiest (Gujarati's stacked conjuncts and marks fit inside them), so mixed lines sit evenly.
const LINE_FONT: Script = "latin";

const bytes = new Map<string, Buffer>();

// Read once per process from the package folder at run time (PDFKit itself stays outside the
// Next bundle, see next.config.js); the server always runs from the project folder.
export function fontPath(file: string): string {
  return path.join(process.cwd(), "node_modules", file);
}

function fontBytes(file: string): Buffer {
  let data = bytes.get(file);
  if (!data) {
    data = fs.readFileSync(fontPath(file));
    bytes.set(file, data);
  }
  return data;
}

export type FontRun = { text: string; font: string };

/** One weight of the copy's type on one document: the registered font for each run of a text. */
export type Face = {
  /** The registered font whose metrics set a line's height and baseline. */
  lineFont: string;
  /** The text cut into runs, each with the registered name of the font that draws it. */
  runs(text: string): readonly FontRun[];
};
export type Faces = Record<Weight, Face>;

type Opened = { _font: EmbeddedFont };
const fixed = new WeakSet<EmbeddedFont>();

/**
 * One of the copy's fonts (registered by registerFaces) opened on its document, with the letters
 * kept for readers and fontkit's faults mended, the first time it is asked for. Like doc.font(),
 * it makes it the document's current font: lib/pdf/text.ts names the font for every measure and draw.
 */
export function openFont(doc: PDFKit.PDFDocument, file: string): EmbeddedFont["font"] {
  const embedded = (doc.font(file) as unknown as Opened)._font;
  if (!fixed.has(embedded)) {
    fixed.add(embedded);
    keepShapedLetters(embedded);
    mendFontkit(embedded.font as unknown as FontkitInternals);
  }
  return embedded.font;
}

/**
 * Registers the copy's fonts on a new document and gives both weights. A font is opened (parsed,
 * mended) only when a run of text first needs it: an English copy never opens Gujarati's.
 */
export function registerFaces(doc: PDFKit.PDFDocument): Faces {
  const opened = new Map<string, EmbeddedFont["font"]>();
  for (const file of new Set(Object.values(FONT_FILES).flatMap((files) => Object.values(files)))) doc.registerFont(file, fontBytes(file));
  const use = (file: string) => {
    let font = opened.get(file);
    if (!font) opened.set(file, (font = openFont(doc, file)));
    return font;
  };
  // A copy measures each word several times (line breaking, then drawing): its runs, and which
  // font has which letter, are worked out once per document.
  const has = new Map<string, Map<number, boolean>>();
  const face = (weight: Weight): Face => {
    const covers: Covers = (script, codePoint) => {
      const file = FONT_FILES[script][weight];
      let known = has.get(file);
      if (!known) has.set(file, (known = new Map()));
      let found = known.get(codePoint);
      if (found === undefined) known.set(codePoint, (found = use(file).hasGlyphForCodePoint(codePoint)));
      return found;
    };
    const lineFont = FONT_FILES[LINE_FONT][weight];
    const cut = new Map<string, readonly FontRun[]>();
    return {
      get lineFont() {
        use(lineFont);
        return lineFont;
      },
      // Every run's script was asked about (covers), so its font is open before it is named here.
      runs(text) {
        let runs = cut.get(text);
        if (!runs) cut.set(text, (runs = scriptRuns(text, covers).map((run) => ({ text: run.text, font: FONT_FILES[run.script][weight] }))));
        return runs;
      },
    };
  };
  return { regular: face("regular"), bold: face("bold") };
}
