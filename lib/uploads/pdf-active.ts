import zlib from "node:zlib";

// A PDF is served back byte for byte, so one that can act when opened is refused: JavaScript,
// launching a program, files tucked inside, Flash/3D "rich media", actions on open or on events
// (/AA), XFA forms (which carry scripts). Links (/URI) are fine. The check reads the file's
// objects as a PDF reader's lexer does, with names decoded (/Java#53cript is /JavaScript), and
// inflates object streams (/ObjStm), where a whole object can hide compressed. It errs towards
// refusing: names inside strings and comments count too, and a stream region that looks like it
// holds objects is read as objects, in case a reader finds them there through the xref table.

export type PdfFinding = { active: true; name: string } | { active: false } | { unreadable: true };

/** Names whose presence means the PDF can do something by itself. */
const ACTIVE = new Set(["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "EF", "FileAttachment", "RichMedia", "AA", "XFA"]);
const OTHER_FILTERS = new Set(["ASCIIHexDecode", "AHx", "ASCII85Decode", "A85", "LZWDecode", "LZW", "RunLengthDecode", "RL", "Crypt", "CCITTFaxDecode", "JBIG2Decode", "DCTDecode", "JPXDecode"]);
// An object stream inflated past this is refused as unreadable (a zip bomb would be).
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
const isRegular = (b: number) => !WHITESPACE.has(b) && !DELIMITERS.has(b);

export function findActivePdfContent(bytes: Uint8Array): PdfFinding {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const found = scan(file, true);
    return found ? { active: true, name: found } : { active: false };
  } catch (error) {
    if (error instanceof Unreadable) return { unreadable: true };
    throw error;
  }
}

class Unreadable extends Error {}

/** The first active name in `text`, or null; with `streams`, stream data is skipped or inflated. */
function scan(text: Buffer, streams: boolean): string | null {
  // Names seen since the last "<<" at depth 0 of the current object: the stream's dictionary.
  let dictNames: string[] = [];
  let depth = 0;
  let lastToken = "";
  let at = 0;
  while (at < text.length) {
    const b = text[at];
    if (WHITESPACE.has(b)) {
      at += 1;
    } else if (b === 0x25 /* % */) {
      const end = lineEnd(text, at);
      const hit = namesIn(text.subarray(at + 1, end));
      if (hit) return hit;
      at = end;
    } else if (b === 0x28 /* ( */) {
      const end = stringEnd(text, at);
      const hit = namesIn(text.subarray(at + 1, end));
      if (hit) return hit;
      at = end + 1;
      lastToken = ")";
    } else if (b === 0x2f /* / */) {
      let end = at + 1;
      while (end < text.length && isRegular(text[end])) end += 1;
      const name = decodeName(text.subarray(at + 1, end));
      if (ACTIVE.has(name)) return name;
      dictNames.push(name);
      at = end;
      lastToken = "/";
    } else if (b === 0x3c && text[at + 1] === 0x3c) {
      if (depth === 0) dictNames = [];
      depth += 1;
      at += 2;
      lastToken = "<<";
    } else if (b === 0x3c /* < */) {
      // A hex string: skipped whole, so its closing ">" is not read as half of a ">>".
      const close = text.indexOf(0x3e, at + 1);
      at = close < 0 ? text.length : close + 1;
      lastToken = "<>";
    } else if (b === 0x3e && text[at + 1] === 0x3e) {
      depth = Math.max(0, depth - 1);
      at += 2;
      lastToken = ">>";
    } else if (isRegular(b)) {
      let end = at + 1;
      while (end < text.length && isRegular(text[end])) end += 1;
      const word = text.toString("latin1", at, end);
      at = end;
      if (streams && word === "stream" && lastToken === ">>") {
        const hit = streamData(text, at, dictNames);
        if (hit.found) return hit.found;
        at = hit.next;
      }
      lastToken = word;
    } else {
      at += 1; // [ ] { } < > and a lone ")" or ">"
      lastToken = String.fromCharCode(b);
    }
  }
  return null;
}

/** Looks into one stream's data: inflated when it is an object stream, read as text when it holds objects. */
function streamData(text: Buffer, start: number, dictNames: string[]): { found: string | null; next: number } {
  let dataStart = start;
  if (text[dataStart] === 0x0d) dataStart += 1;
  if (text[dataStart] === 0x0a) dataStart += 1;
  const endAt = text.indexOf("endstream", dataStart, "latin1");
  const end = endAt < 0 ? text.length : endAt;
  const data = text.subarray(dataStart, end);
  const next = endAt < 0 ? text.length : endAt + "endstream".length;
  // A reader needs /First to read an object stream, whatever its /Type says.
  if (dictNames.includes("ObjStm") || dictNames.includes("First")) return { found: scan(decoded(data, dictNames), false), next };
  // Objects inside other stream data are reachable only if a reader is sent there; read them as
  // objects when they look like objects ("obj", "endobj"), which binary data almost never does.
  if (data.includes("obj", 0, "latin1")) return { found: scan(data, false), next };
  return { found: null, next };
}

function decoded(data: Buffer, dictNames: string[]): Buffer {
  if (dictNames.some((n) => OTHER_FILTERS.has(n)) || dictNames.includes("Predictor")) throw new Unreadable();
  if (!dictNames.includes("FlateDecode") && !dictNames.includes("Fl")) return data;
  try {
    return zlib.inflateSync(data, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch {
    // Readers accept a stream without zlib's checksum at the end; so does this, but no more.
    try {
      return zlib.inflateSync(data, { maxOutputLength: MAX_INFLATED_BYTES, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    } catch {
      throw new Unreadable();
    }
  }
}

/** The first active name written anywhere in a string or comment, as if it were PDF code. */
function namesIn(text: Buffer): string | null {
  for (let at = text.indexOf(0x2f); at >= 0; at = text.indexOf(0x2f, at + 1)) {
    let end = at + 1;
    while (end < text.length && isRegular(text[end])) end += 1;
    const name = decodeName(text.subarray(at + 1, end));
    if (ACTIVE.has(name)) return name;
  }
  return null;
}

/** A name's characters with each #xx escape decoded, as readers do. */
export function decodeName(raw: Buffer): string {
  const text = raw.toString("latin1");
  return text.includes("#") ? text.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

function lineEnd(text: Buffer, from: number): number {
  let at = from;
  while (at < text.length && text[at] !== 0x0a && text[at] !== 0x0d) at += 1;
  return at;
}

/** Where a literal string's closing ")" is: parentheses nest, a backslash escapes the next byte. */
function stringEnd(text: Buffer, open: number): number {
  let depth = 0;
  for (let at = open; at < text.length; at += 1) {
    const b = text[at];
    if (b === 0x5c) at += 1;
    else if (b === 0x28) depth += 1;
    else if (b === 0x29 && --depth === 0) return at;
  }
  return text.length;
}
