import type { MediaType } from "./types.ts";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

// Standard base64 with padding. Line breaks are tolerated because many exporters wrap at 76.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes strict base64, or returns null (Buffer.from alone silently skips bad characters). */
export function decodeBase64(text: string): Buffer | null {
  const compact = text.replace(/[\r\n]/g, "");
  if (compact.length === 0 || !BASE64.test(compact)) return null;
  return Buffer.from(compact, "base64");
}

const SIGNATURES: Record<MediaType, (b: Uint8Array) => boolean> = {
  "application/pdf": (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46]), // %PDF
  "image/png": (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  "image/jpeg": (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  // RIFF....WEBP
  "image/webp": (b) => startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b.subarray(8), [0x57, 0x45, 0x42, 0x50]),
};

export function isKnownMediaType(value: string): value is MediaType {
  return Object.hasOwn(SIGNATURES, value);
}

/** True when the bytes start with the magic number of the declared type. */
export function matchesMediaType(bytes: Uint8Array, mediaType: MediaType): boolean {
  return SIGNATURES[mediaType](bytes);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}
