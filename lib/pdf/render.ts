import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import { formatDate } from "../i18n/format.ts";
import { textDirection } from "../i18n/config.ts";
import type { RecordCopy } from "../records/index.ts";
import { BODY_SIZE, writeEntry, type Fonts, type Translate } from "./entry.ts";
import { writeCentred, writeText } from "./text.ts";
import { keepShapedLetters } from "./unicode.ts";

// The PDF copy, made here on the server with PDFKit: nothing leaves the machine. One embedded
// font, Noto Naskh Arabic (the Google Fonts build, shipped as TTF by @expo-google-fonts), has both
// the Arabic-script letters Urdu needs and Latin, so English names inside Urdu text need no font
// switching. PDFKit streams each page out as it is finished; entries arrive in batches as the
// pages are written (see lib/records/copy.ts), so neither the record nor the document is held whole.

export type { Translate } from "./entry.ts";

const FONT_PACKAGE = path.join("node_modules", "@expo-google-fonts", "noto-naskh-arabic");
const FONT_FILES = { regular: "400Regular/NotoNaskhArabic_400Regular.ttf", bold: "700Bold/NotoNaskhArabic_700Bold.ttf" };
const FONTS: Fonts = { regular: "copy-regular", bold: "copy-bold" };
const MARGINS = { top: 64, bottom: 64, left: 60, right: 60 };

let fontBytes: { regular: Buffer; bold: Buffer } | null = null;

// Read from the package folder at run time (PDFKit itself stays outside the Next bundle, see
// next.config.js); the server always runs from the project folder.
function loadFonts() {
  fontBytes ??= {
    regular: fs.readFileSync(path.join(process.cwd(), FONT_PACKAGE, FONT_FILES.regular)),
    bold: fs.readFileSync(path.join(process.cwd(), FONT_PACKAGE, FONT_FILES.bold)),
  };
  return fontBytes;
}

/** The copy as a PDF stream: A4, a cover page, then every entry, numbered pages. */
export function renderRecordPdf(copy: RecordCopy, t: Translate, locale: string): Readable {
  const dir = textDirection(locale);
  const bytes = loadFonts();
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGINS,
    autoFirstPage: false,
    lang: locale,
    displayTitle: true,
    // No personal data in the file's description: what it is, not whose.
    info: { Title: t("copy:documentTitle"), Producer: "Record Together", Creator: "Record Together", CreationDate: copy.madeAt },
  });
  doc.registerFont(FONTS.regular, bytes.regular);
  doc.registerFont(FONTS.bold, bytes.bold);
  for (const name of [FONTS.bold, FONTS.regular]) keepShapedLetters((doc.font(name) as unknown as { _font: Parameters<typeof keepShapedLetters>[0] })._font);

  let page = 0;
  doc.on("pageAdded", () => {
    page++;
    const { x, y } = doc;
    const footerY = doc.page.height - MARGINS.bottom + 22;
    writeCentred(doc, t("copy:page", { page }), { font: FONTS.regular, size: 9, color: "#444444" }, footerY, dir);
    doc.x = x;
    doc.y = y;
  });

  const ctx = { t, locale, dir, fonts: FONTS };
  void (async () => {
    try {
      doc.addPage();
      writeCover(doc, copy, t, locale);
      doc.addPage();
      let written = 0;
      for await (const entry of copy.entries) {
        writeEntry(doc, entry, ctx);
        written++;
      }
      if (written === 0) writeText(doc, t("copy:cover.empty"), { font: FONTS.regular, size: BODY_SIZE }, dir);
      doc.end();
    } catch (error) {
      doc.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return doc;
}

function writeCover(doc: PDFKit.PDFDocument, copy: RecordCopy, t: Translate, locale: string) {
  const dir = textDirection(locale);
  const text = (s: string, size: number, bold = false, after = 8) =>
    writeText(doc, s, { font: bold ? FONTS.bold : FONTS.regular, size, after }, dir);
  doc.y = MARGINS.top + 120;
  text(t("copy:cover.title", { name: copy.child.name }), 26, true, 6);
  text(t("copy:cover.subtitle"), 16, false, 28);
  text(t("copy:cover.madeFor", { name: copy.madeFor, date: formatDate(copy.madeAt, locale) }), BODY_SIZE + 1, true, 14);
  text(t("copy:cover.onlyYours"), BODY_SIZE);
  text(t("copy:cover.count", { count: copy.total }), BODY_SIZE);
  text(t("copy:cover.order"), BODY_SIZE);
  text(t("copy:cover.keepSafe"), BODY_SIZE);
}
