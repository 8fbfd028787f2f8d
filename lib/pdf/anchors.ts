// fontkit (2.0.4, the version PDFKit uses) throws "Cannot read properties of null (reading
// 'xCoordinate')" when a mark-positioning lookup has a NULL anchor, which the OpenType spec allows:
// it means "this glyph has no anchor for this mark" (foliojs/fontkit#367, fix proposed in #374).
// Noto Sans Gujarati has them: અં, અંગ્રેજી and કહ્યું stopped the whole copy. Here, as HarfBuzz
// does, such an attachment is skipped and the mark keeps its default place.

type Anchor = { xCoordinate: number; yCoordinate: number } | null | undefined;
type MarkRecord = { markAnchor: Anchor };
type GposProcessor = { applyAnchor(markRecord: MarkRecord, baseAnchor: Anchor, baseGlyphIndex: number): void };
export type LaidOutFont = { _layoutEngine?: { engine?: { GPOSProcessor?: GposProcessor | null } } };

/** Makes one fontkit font (one document's) skip mark attachments that have no anchor. */
export function skipMissingAnchors(font: LaidOutFont): void {
  const gpos = font._layoutEngine?.engine?.GPOSProcessor;
  if (!gpos) return;
  const apply = gpos.applyAnchor.bind(gpos);
  gpos.applyAnchor = (markRecord, baseAnchor, baseGlyphIndex) => {
    if (baseAnchor && markRecord.markAnchor) apply(markRecord, baseAnchor, baseGlyphIndex);
  };
}
