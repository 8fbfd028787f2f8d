import { joinPath } from "./json-path.ts";
import { isObj } from "./shape.ts";
import type { ImportProblem } from "./types.ts";

// JSON can carry text that the database cannot keep as sent: PostgreSQL text has no NUL
// character (the insert fails part-way through the import), and an unpaired surrogate (\ud800)
// has no UTF-8 form (the driver silently writes U+FFFD instead). Both are reported up front.
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string value in the document that could not be stored exactly, by JSON path. */
export function findUnstorableText(value: unknown, path = "$"): ImportProblem[] {
  if (typeof value === "string") {
    if (value.includes("\u0000")) return [{ path, message: "contains a NUL character (\\u0000), which cannot be stored" }];
    if (UNPAIRED_SURROGATE.test(value)) return [{ path, message: "contains an unpaired surrogate (\\ud800–\\udfff), which is not valid text" }];
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => findUnstorableText(item, joinPath(path, i)));
  if (isObj(value)) return Object.entries(value).flatMap(([key, item]) => findUnstorableText(item, joinPath(path, key)));
  return [];
}
