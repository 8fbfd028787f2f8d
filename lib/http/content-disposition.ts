// The Content-Disposition of a file the portal sends. Pure, so it is easy to test.

export type Disposition = "attachment" | "inline";

/**
 * `filename` for clients that only know the quoted form (printable ASCII, with `"` and `\` and
 * anything else replaced by `_`), then `filename*` (RFC 8187) with the exact name. A stored name
 * can hold personal data: it is sent only here, as the file's name, encoded.
 */
export function contentDisposition(disposition: Disposition, fileName: string): string {
  const fallback = Array.from(fileName, (c) => (/^[\x20-\x7e]$/.test(c) && c !== '"' && c !== "\\" ? c : "_")).join("");
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}

// RFC 8187 value-chars: attr-chars as they are, every other UTF-8 byte as %XX. Unlike
// encodeURIComponent this also encodes ' ( ) * and never throws (a lone surrogate becomes U+FFFD).
const ATTR_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/;
export function encodeRfc8187(value: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(value)) {
    const c = String.fromCharCode(byte);
    out += byte < 0x80 && ATTR_CHAR.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}
