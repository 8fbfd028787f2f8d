import { pathOf } from "./json-path.ts";
import { LIMIT_MESSAGES, LIMITS } from "./limits.ts";
import type { ImportProblem } from "./types.ts";

// One pass over the JSON text before JSON.parse, which cannot see what this checks: a field given
// twice in one object (JSON.parse silently keeps the last) and the size limits (limits.ts).
// Iterative, with an explicit stack, so a file nested 10,000 deep is refused at the nesting limit
// instead of overflowing the call stack. It does not judge syntax: when the text is not JSON it
// stops quietly and JSON.parse reports where.

export type ScanResult = {
  /** A limit was exceeded: the document is not parsed or checked any further. */
  limits: ImportProblem[];
  duplicateKeys: ImportProblem[];
};

type Step = string | number;
type ObjectFrame = { kind: "object"; at: Step | null; keys: Set<string>; key: string | null };
type ListFrame = { kind: "list"; at: Step | null; count: number };
type Frame = ObjectFrame | ListFrame;

const QUOTE = 0x22;

export function scanJson(text: string): ScanResult {
  const result: ScanResult = { limits: [], duplicateKeys: [] };
  const stack: Frame[] = [];
  let nextBackslash = -1;
  let i = 0;

  const pathTo = (step: Step | null) => {
    const steps = stack.slice(1).map((f) => f.at as Step);
    return pathOf(...(step === null ? steps : [...steps, step]));
  };

  // Where the value starting now sits in its parent, counting it when the parent is a list.
  const beginValue = (): Step | null | undefined => {
    const top = stack.at(-1);
    if (!top) return null;
    if (top.kind === "object") return top.key ?? undefined;
    top.count += 1;
    if (top.count === LIMITS.listItems + 1) result.limits.push({ path: pathTo(null), message: LIMIT_MESSAGES.listItems });
    return top.count - 1;
  };

  // The string starting at the quote at `start`: the index of its closing quote and its length
  // once escapes are decoded (in UTF-16 units, as JavaScript counts), or null if it never ends.
  // The next quote and backslash are remembered until passed, so each is searched for once
  // however many escapes a long text holds.
  let nextQuote = -1;
  const readString = (start: number): { end: number; length: number } | null => {
    let length = 0;
    let p = start + 1;
    for (;;) {
      if (nextQuote < p) nextQuote = text.indexOf('"', p);
      if (nextQuote < 0) return null;
      if (nextBackslash !== Infinity && nextBackslash < p) {
        const found = text.indexOf("\\", p);
        nextBackslash = found < 0 ? Infinity : found;
      }
      if (nextBackslash > nextQuote) return { end: nextQuote, length: length + nextQuote - p };
      length += nextBackslash - p + 1;
      p = nextBackslash + (text.charCodeAt(nextBackslash + 1) === 0x75 /* u */ ? 6 : 2);
    }
  };

  while (i < text.length) {
    const code = text.charCodeAt(i);
    const top = stack.at(-1);
    if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      const at = beginValue();
      if (at === undefined) break;
      if (stack.length >= LIMITS.nesting) {
        result.limits.push({ path: pathTo(at), message: LIMIT_MESSAGES.nesting });
        break;
      }
      stack.push(code === 0x7b ? { kind: "object", at, keys: new Set(), key: null } : { kind: "list", at, count: 0 });
      i += 1;
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      if (!stack.pop()) break;
      i += 1;
    } else if (code === 0x2c /* , */) {
      if (top?.kind === "object") top.key = null;
      i += 1;
    } else if (code === QUOTE) {
      const string = readString(i);
      if (!string) break;
      if (top?.kind === "object" && top.key === null) {
        if (!readKey(top, i, string)) break;
      } else checkText(string.length, beginValue());
      i = string.end + 1;
    } else {
      // Whitespace, ":" and the letters of numbers and literals: nothing to check.
      if (code !== 0x3a && code > 0x20 && top?.kind === "list" && !isContinuation(text, i)) beginValue();
      i += 1;
    }
  }
  return result;

  // False when the name is not a JSON string (a bad escape): JSON.parse will say where.
  function readKey(frame: ObjectFrame, start: number, string: { end: number; length: number }): boolean {
    if (string.length > LIMITS.keyChars) {
      result.limits.push({ path: pathTo(null), message: LIMIT_MESSAGES.keyChars });
      frame.key = "";
      return true;
    }
    const key = decodeKey(text.slice(start, string.end + 1));
    if (key === null) return false;
    frame.key = key;
    if (frame.keys.has(key)) result.duplicateKeys.push({ path: pathTo(key), message: LIMIT_MESSAGES.duplicateKey });
    else frame.keys.add(key);
    return true;
  }

  function checkText(length: number, at: Step | null | undefined) {
    const limit = at === "contentBase64" ? "base64Chars" : "textChars";
    if (length > LIMITS[limit]) result.limits.push({ path: pathTo(at ?? null), message: LIMIT_MESSAGES[limit] });
  }
}

// "with\u0046amily" names the same field as "withFamily".
function decodeKey(quoted: string): string | null {
  if (!quoted.includes("\\")) return quoted.slice(1, -1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return null;
  }
}

// A number or literal in a list is one value however many characters it has: only its first
// character begins it.
function isContinuation(text: string, i: number): boolean {
  const before = text.charCodeAt(i - 1);
  return before > 0x20 && before !== 0x2c && before !== 0x5b;
}
