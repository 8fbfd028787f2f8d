import type { MediaType } from "./types.ts";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

// Standard base64 with padding. Line breaks are tolerated because many exporters wrap at 76.
// Checked with a plain loop: a regular expression with a repeated group, such as
// ^(?:[A-Za-z0-9+/]{4})*$, backtracks one stack frame per group and throws "Maximum call stack
// size exceeded" on a few megabytes of text.
const ALPHABET = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") ALPHABET[c.charCodeAt(0)] = 1;

/** Decodes strict base64, or returns null (Buffer.from alone silently skips bad characters). */
export function decodeBase64(text: string): Buffer | null {
  const compact = text.includes("\n") || text.includes("\r") ? text.replace(/[\r\n]/g, "") : text;
  return isStrictBase64(compact) ? Buffer.from(compact, "base64") : null;
}

function isStrictBase64(text: string): boolean {
  if (text.length === 0 || text.length % 4 !== 0) return false;
  // At most two "=" and only at the very end.
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const end = text.length - padding;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || ALPHABET[code] === 0) return false;
  }
  return true;
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
