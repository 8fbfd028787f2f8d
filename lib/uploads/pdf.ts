import { log } from "../log.ts";
import { findActivePdfContent } from "./pdf-active.ts";
import { UploadRefused } from "./refusals.ts";

// A PDF is kept byte for byte: re-writing one safely would need a PDF engine, and it is only ever
// downloaded as an attachment, never shown inline. What is checked is that it is whole: the
// header at the start and the end-of-file marker near the end, which a truncated upload lacks;
// and that it cannot act by itself when opened (pdf-active.ts), since it goes back out as sent.

const HEADER = Buffer.from("%PDF-");
const EOF_MARKER = Buffer.from("%%EOF");
// Readers look for %%EOF in the last 1024 bytes; writers may put a few line ends or padding after it.
const TAIL_BYTES = 1024;

export function checkPdf(bytes: Uint8Array, field?: string): void {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const whole = file.subarray(0, HEADER.length).equals(HEADER) && file.subarray(-TAIL_BYTES).includes(EOF_MARKER);
  if (!whole) throw new UploadRefused("upload.damaged", field);
  const finding = findActivePdfContent(file);
  if ("unreadable" in finding) throw new UploadRefused("upload.pdfUnreadable", field);
  if (finding.active) {
    // The name found (e.g. "JavaScript") says what kind of content, nothing about the sender.
    log.warn("upload refused: PDF with active content", { name: finding.name });
    throw new UploadRefused("upload.pdfActive", field);
  }
}
