import { supportedExtensions } from "file-type";
import { MAX_NAME_LENGTH } from "./limits.ts";
import { UploadRefused } from "./refusals.ts";

// A file's name is only shown (stored files are found by id, never by name), but it travels into
// pages, Content-Disposition headers and downloads on other people's machines. So a name that
// could be read as a path, or that hides or reorders what it says, is refused rather than mended:
// the sender sees why and can rename the file.

// C0 controls, DEL, C1 controls, the bidi embeddings and overrides (U+202A–U+202E) and isolates
// (U+2066–U+2069) that can make "gpj.exe" read as "exe.jpg", the line and paragraph separators,
// and lone surrogates, which no file system or header can carry. Plain right-to-left marks stay
// allowed: Urdu names may need them.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]|\p{Cs}/u;

/** The name to show, NFC-normalised and trimmed, or UploadRefused("upload.badName"). */
export function checkFileName(name: string, field?: string): string {
  const shown = name.normalize("NFC").trim();
  const refused =
    shown === "" ||
    [...shown].length > MAX_NAME_LENGTH ||
    /[/\\]/.test(shown) ||
    shown === "." ||
    shown === ".." ||
    FORBIDDEN.test(shown);
  if (refused) throw new UploadRefused("upload.badName", field);
  return shown;
}

// Extensions that name a file type, so "photo.heic" becomes "photo.jpg" while "report.v2" (no
// type) becomes "report.v2.pdf". file-type's list, plus spellings it does not use.
const TYPE_EXTENSIONS: ReadonlySet<string> = new Set([
  ...supportedExtensions,
  ...["jpeg", "jpe", "jfif", "heif", "hif", "htm", "html", "txt", "svg", "php", "js", "bat", "cmd", "com", "scr"],
]);

/** The name with the extension of the type the file really is. */
export function withExtension(name: string, extension: string, sameAs: readonly string[] = []): string {
  const dot = name.lastIndexOf(".");
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  if (current === extension || sameAs.includes(current)) return name;
  const stem = TYPE_EXTENSIONS.has(current) ? name.slice(0, dot) : name;
  return `${stem}.${extension}`;
}
