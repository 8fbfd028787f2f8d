// The size limits of an import file, each refused with a message that names it. They are
// checked before the file is parsed (json-scan.ts), so no later step (the schema's regular
// expressions, the recursive checks) ever sees text, lists or nesting larger than these.

const MB = 1024 * 1024;

export const LIMITS = {
  /** Bytes in one file. A county's migration is split into several files, each all or nothing. */
  fileBytes: 256 * MB,
  /** Objects and lists inside one another. The format itself needs 8. */
  nesting: 16,
  /** Items in any one list (children, entries of one child, sections, …). */
  listItems: 100_000,
  /** Characters in any text except an attachment's base64 (the format's longest text is 20,000). */
  textChars: 50_000,
  /** Characters in contentBase64: a 10 MB file, wrapped at 76 characters (the schema's maxLength). */
  base64Chars: 14_500_000,
  /** Characters in a field name (the format's longest is 20). */
  keyChars: 64,
} as const;

const n = (value: number) => value.toLocaleString("en-GB");

export const LIMIT_MESSAGES = {
  fileBytes: `is larger than ${LIMITS.fileBytes / MB} MB, the most one import file may be: split the extract into several files`,
  nesting: `nests objects and lists more than ${LIMITS.nesting} deep, which is the nesting limit of an import file (the format needs 8)`,
  listItems: `has more than ${n(LIMITS.listItems)} items, the most one list may hold: split the extract into several files`,
  textChars: `is longer than ${n(LIMITS.textChars)} characters, the most any text in an import file may be`,
  base64Chars: `is longer than ${n(LIMITS.base64Chars)} characters: an attachment may be at most 10 MB`,
  keyChars: `has a field name longer than ${LIMITS.keyChars} characters, the most a field name may be`,
  duplicateKey: "is given more than once in the same object: JSON would keep only the last, so each field may appear once",
} as const;
