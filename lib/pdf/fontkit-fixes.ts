// Two fixes to fontkit (2.0.4, the version PDFKit uses), made on one document's font objects.

/** Both fixes below, on one font; the first waits for the font's first layout (its tables are read then). */
export function mendFontkit(font: FontkitInternals): void {
  shapeScriptlessAsLatin(font);
  const layout = font.layout;
  font.layout = (...args) => {
    font.layout = layout;
    skipMissingAnchors(font);
    return layout(...args);
  };
}

type Anchor = { xCoordinate: number; yCoordinate: number } | null | undefined;
type MarkRecord = { markAnchor: Anchor };
type GposProcessor = { applyAnchor(markRecord: MarkRecord, baseAnchor: Anchor, baseGlyphIndex: number): void };
type Layout = (text: string, features?: unknown, script?: string, ...rest: unknown[]) => unknown;
export type FontkitInternals = { layout: Layout; _layoutEngine?: { engine?: { GPOSProcessor?: GposProcessor | null } } };

/**
 * fontkit throws "Cannot read properties of null (reading 'xCoordinate')" when a mark-positioning
 * lookup has a NULL anchor, which the OpenType spec allows: it means "this glyph has no anchor for
 * this mark" (foliojs/fontkit#367, fix proposed in #374). Noto Sans Gujarati has them: અં,
 * અંગ્રેજી and કહ્યું stopped the whole copy. Here, as HarfBuzz does, such an attachment is
 * skipped and the mark keeps its default place.
 */
export function skipMissingAnchors(font: FontkitInternals): void {
  const gpos = font._layoutEngine?.engine?.GPOSProcessor;
  if (!gpos) return;
  const apply = gpos.applyAnchor.bind(gpos);
  gpos.applyAnchor = (markRecord, baseAnchor, baseGlyphIndex) => {
    if (baseAnchor && markRecord.markAnchor) apply(markRecord, baseAnchor, baseGlyphIndex);
  };
}

// Letters of a script of their own; digits, punctuation and marks have none.
const HAS_SCRIPT = /[^\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * fontkit shapes a text with no letters of a script of its own ("2025.", "88%") by the font's
 * default script, Arabic in Noto Naskh Arabic, whose full stop is then the Arabic one: flat and
 * low after an English number. Such text is shaped as Latin (its digits are Latin digits), as
 * HarfBuzz does when told the script.
 */
export function shapeScriptlessAsLatin(font: FontkitInternals): void {
  const layout = font.layout.bind(font);
  font.layout = (text, features, script, ...rest) => layout(text, features, script ?? (HAS_SCRIPT.test(text) ? undefined : "latn"), ...rest);
}
