import { formatDate } from "../i18n/format.ts";
import { sectionLabel, type CopyEntry } from "../records/index.ts";
import { writeText, type Direction, type TextStyle } from "./text.ts";

// One entry of the PDF copy: what the entry page shows, in the same words (the "record" texts).

export type Translate = (key: string, options?: Record<string, unknown>) => string;
export type Fonts = { regular: string; bold: string };
type Doc = PDFKit.PDFDocument;

export const BODY_SIZE = 12;
const GREY = "#444444";

export function writeEntry(doc: Doc, e: CopyEntry, ctx: { t: Translate; locale: string; dir: Direction; fonts: Fonts }): void {
  const { t, locale, dir, fonts } = ctx;
  const body: TextStyle = { font: fonts.regular, size: BODY_SIZE, after: 4 };
  const label: TextStyle = { font: fonts.bold, size: BODY_SIZE - 1 };
  const note: TextStyle = { font: fonts.regular, size: BODY_SIZE - 1.5, color: GREY, after: 2 };
  // "Label: value" is punctuated the same way in English and Urdu; a question takes no colon.
  const labelled = (name: string, value: string) => (/[?؟]$/.test(name) ? `${name} ${value}` : `${name}: ${value}`);
  // What a worker wrote goes under its label as a paragraph of its own, in the direction its own
  // first letter gives (as dir="auto"): an English answer in an Urdu copy reads left to right with
  // its full stop at its end, not flung to the far side by the copy's right-to-left lines.
  const field = (name: string, value: string) => {
    writeText(doc, name, { ...body, font: fonts.bold, after: 0 }, dir);
    writeText(doc, value, body, "auto");
  };

  // Keep a title with the start of its entry.
  if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
  writeText(doc, e.title, { font: fonts.bold, size: BODY_SIZE + 3, after: 2 }, "auto");
  writeText(doc, t(`record:types.${e.type}`), { ...note, font: fonts.bold }, dir);
  const happened = formatDate(e.occurredAt, locale);
  const written = formatDate(e.recordedAt, locale);
  writeText(doc, t("copy:entry.dates", { happened, written }), note, dir);
  if (e.lateByDays !== null) writeText(doc, t("record:entry.lateEntry", { count: e.lateByDays }), { ...note, font: fonts.bold, color: "#7a2e00" }, dir);
  if (e.status === "historical") writeText(doc, t("record:entry.historical"), { ...note, font: fonts.bold }, dir);
  writeText(doc, labelled(t("record:entry.writtenBy"), t("record:entry.authorLine", e.author)), note, dir);
  if (e.originator) {
    const who = e.originator.role ? t("record:entry.authorLine", e.originator) : e.originator.name;
    writeText(doc, labelled(t("record:entry.infoFrom"), who), note, dir);
  }
  if (e.translation) {
    writeText(doc, t("record:translation.byLine", { by: e.translation.translatedBy }), note, dir);
    if (e.translation.checkedBy) writeText(doc, t("record:translation.checkedLine", { by: e.translation.checkedBy }), note, dir);
  }
  if (e.untranslated) writeText(doc, t("copy:entry.notTranslated"), note, dir);
  doc.y += 4;

  for (const s of e.sections) {
    const { key, toldBy } = sectionLabel(s, e.type);
    writeText(doc, t(`record:${key}`), label, dir);
    if (toldBy) writeText(doc, t("record:sectionLabels.toldBy", { source: toldBy }), note, dir);
    writeText(doc, s.text, { ...body, after: 6 }, "auto");
  }

  const d = e.decision;
  if (d) {
    writeText(doc, t("record:decision.title"), label, dir);
    field(t("record:decision.madeBy"), d.madeBy);
    field(t("record:decision.reasons"), d.reasons);
    if (d.optionsConsidered) field(t("record:decision.options"), d.optionsConsidered);
    if (d.childView) field(t("record:decision.childView"), d.childView);
    if (d.familyView) field(t("record:decision.familyView"), d.familyView);
    doc.y += 4;
  }

  const v = e.visit;
  if (v) {
    const yesNo = (b: boolean) => t(b ? "record:visit.yes" : "record:visit.no");
    writeText(doc, t("record:visit.title"), label, dir);
    field(t("record:visit.venue"), v.venue);
    if (v.present.length) field(t("record:visit.present"), v.present.join(t("copy:listSeparator")));
    if (v.purpose) field(t("record:visit.purpose"), v.purpose);
    field(t("record:visit.childSeen"), yesNo(v.childSeen));
    if (v.childSeenAlone !== undefined) field(t("record:visit.childSeenAlone"), yesNo(v.childSeenAlone));
    if (v.notAloneReason) field(t("record:visit.notAloneReason"), v.notAloneReason);
    if (v.interpreterUsed !== undefined) field(t("record:visit.interpreter"), yesNo(v.interpreterUsed));
    doc.y += 4;
  }

  if (e.files.length) writeText(doc, t("copy:entry.files", { names: e.files.join(t("copy:listSeparator")) }), note, dir);
  for (const d of e.disagreements) {
    writeText(doc, t("copy:entry.disagreement", { name: d.name }), { ...note, after: 0 }, dir);
    writeText(doc, d.text, note, "auto");
  }
  rule(doc);
}

function rule(doc: Doc) {
  const { left, right } = doc.page.margins;
  const y = doc.y + 6;
  if (y < doc.page.height - doc.page.margins.bottom) {
    doc.moveTo(left, y).lineTo(doc.page.width - right, y).lineWidth(0.5).strokeColor("#999999").stroke();
  }
  doc.y = y + 14;
}
