import { pathOf } from "./json-path.ts";
import { isObj } from "./shape.ts";
import type { ImportProblem } from "./types.ts";

// JSON can carry text that the database cannot keep as sent: PostgreSQL text has no NUL
// character (the insert fails part-way through the import), and an unpaired surrogate (\ud800)
// has no UTF-8 form (the driver silently writes U+FFFD instead). Both are reported up front.
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Every string value in the document that could not be stored exactly, by JSON path. Iterative,
 * and paths are only built for the values reported (most documents have none).
 */
export function findUnstorableText(doc: unknown): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const stack: { value: unknown; steps: (string | number)[] }[] = [{ value: doc, steps: [] }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, steps } = item;
    if (typeof value === "string") {
      const message = problemWith(value);
      if (message) problems.push({ path: pathOf(...steps), message });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], steps: [...steps, i] });
    } else if (isObj(value)) {
      for (const key of Object.keys(value).reverse()) stack.push({ value: value[key], steps: [...steps, key] });
    }
  }
  return problems;
}

function problemWith(text: string): string | null {
  if (text.includes("\u0000")) return "contains a NUL character (\\u0000), which cannot be stored";
  if (UNPAIRED_SURROGATE.test(text)) return "contains an unpaired surrogate (\\ud800–\\udfff), which is not valid text";
  return null;
}
