import { detectKind, OUTPUT, type SafeMediaType, type UploadKind } from "./file-types.ts";
import { checkFileName, withExtension } from "./file-name.ts";
import { heicToJpeg } from "./heic.ts";
import { checkFileSize } from "./limits.ts";
import { checkPdf } from "./pdf.ts";
import { reencodePicture } from "./pictures.ts";
import { configuredScanning, refuseIfInfected, type Scanner, type Scanning } from "./scanner.ts";

export type UploadInput = { name: string; bytes: Uint8Array };

export type SafeFile = {
  /** The name to show: the sender's, NFC-normalised, with the extension of the real type. */
  fileName: string;
  mediaType: SafeMediaType;
  bytes: Buffer;
  /** True for pictures, which are our own re-encoding (safe to show inline); false for PDFs. */
  reencoded: boolean;
};

export type CheckUploadOptions = {
  /** Replaces the scanner CLAMAV_URL names (tests pass a clamd of their own). */
  scanner?: Scanner;
  /** Replaces the whole rule (tests pass "refuse" or "unscanned"); `scanner` wins over it. */
  scanning?: Scanning;
  /** The form field the problem is reported against ("file" unless given). */
  field?: string;
};

/**
 * A safe copy of an uploaded file, or UploadRefused (an Invalid with one problem code), or
 * ScannerUnavailable, or ScannerNotConfigured. Cheap checks first; the original bytes are scanned before they are
 * decoded, so no parser reads a file the virus scanner has refused.
 */
export async function checkUpload(file: UploadInput, options: CheckUploadOptions = {}): Promise<SafeFile> {
  const { field } = options;
  checkFileSize(file.bytes.byteLength, field);
  const name = checkFileName(file.name, field);
  const scanning: Scanning = options.scanner ? { mode: "scan", scanner: options.scanner } : (options.scanning ?? configuredScanning());
  await refuseIfInfected(file.bytes, scanning, field);
  const kind = await detectKind(file.bytes, field);
  const out = OUTPUT[kind];
  return {
    fileName: withExtension(name, out.extension, out.alsoNamed),
    mediaType: out.mediaType,
    bytes: await safeBytes(file.bytes, kind, field),
    reencoded: kind !== "pdf",
  };
}

async function safeBytes(bytes: Uint8Array, kind: UploadKind, field?: string): Promise<Buffer> {
  if (kind === "heic") return heicToJpeg(bytes, field);
  if (kind !== "pdf") return reencodePicture(bytes, kind, field);
  checkPdf(bytes, field);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
