import { loadAttachment } from "@/lib/records";

// One attachment's bytes, for someone who may read its entry; anything else is a plain 404.
// The name and type are the ones this record gave the file (Attachment), not the shared StoredFile's.
export async function GET(_request: Request, { params }: { params: Promise<{ childId: string; attachmentId: string }> }) {
  const { childId, attachmentId } = await params;
  const { file, bytes } = await loadAttachment(childId, attachmentId);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(bytes.length),
      // The stored name can hold personal data: send it only as the download's name, encoded.
      "Content-Disposition": contentDisposition(file.fileName),
      // Should a browser render it anyway, it runs nothing and loads nothing.
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// `filename` for clients that only know the quoted form (printable ASCII, with `"` and `\` and
// anything else replaced by `_`), then `filename*` (RFC 8187) with the exact name.
function contentDisposition(fileName: string): string {
  const fallback = Array.from(fileName, (c) => (/^[\x20-\x7e]$/.test(c) && c !== '"' && c !== "\\" ? c : "_")).join("");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}

// RFC 8187 value-chars: attr-chars as they are, every other UTF-8 byte as %XX. Unlike
// encodeURIComponent this also encodes ' ( ) * and never throws (a lone surrogate becomes U+FFFD).
const ATTR_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/;
function encodeRfc8187(value: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(value)) {
    const c = String.fromCharCode(byte);
    out += byte < 0x80 && ATTR_CHAR.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}
