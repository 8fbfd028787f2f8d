import { describe, expect, it } from "vitest";
import { LIMIT_MESSAGES, LIMITS } from "../../lib/imports/limits.ts";
import { parseImportJson, validateImportText } from "../../lib/imports/validate.ts";
import type { ImportProblem } from "../../lib/imports/types.ts";

// Size limits are refused by name before parsing, and a field given twice in one object is
// refused by its JSON path (JSON.parse alone would keep the last one without a word).

const SECRET = "Zebedee Quillfeather";
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString("base64");

const entry = (externalId: string, sharing: string) => `{
  "externalId": "${externalId}", "type": "visit", "title": "Home visit",
  "occurredAt": "2026-10-03T15:00:00+01:00", "recordedAt": "2026-10-06T10:00:00+01:00",
  "author": {"name": "J. Patel", "role": "Social worker"},
  "visit": {"venue": "Home", "present": ["Child"], "childSeen": true},
  "sections": [{"text": "Seen at home.", "nature": "fact", "source": "first-hand"}],
  "status": "current", "sharing": ${sharing},
  "translations": [{"locale": "ur", "title": "گھر کا دورہ", "sections": ["ایک"], "translatedBy": "F. Ali", "translatedAt": "2026-10-07T10:00:00+01:00"}],
  "attachments": [{"externalId": "A-1", "fileName": "drawing.png", "mediaType": "image/png", "contentBase64": "${PNG}"}]
}`;

/** A valid file as text, with `entries` (JSON text) as the only child's entries. */
const fileWith = (entries: string[], childExtra = "") => `{
  "format": "case-record-import", "version": 1, "exportedAt": "2026-11-01T09:00:00+00:00", "source": "LCS",
  "children": [{"externalId": "C-1", "fullName": "Test Child", "dateOfBirth": "2013-04-02"${childExtra}, "entries": [${entries.join(",")}]}]
}`;
const SHARED = `{"withChild": true, "withFamily": true}`;

function problemsOf(text: string | Uint8Array): ImportProblem[] {
  const result = validateImportText(text);
  if (result.ok) throw new Error("expected the file to be rejected");
  return result.problems;
}

describe("size limits, each refused by name", () => {
  it("accepts the valid file the other tests break", () => {
    expect(validateImportText(fileWith([entry("E-1", SHARED), entry("E-2", SHARED)])).ok).toBe(true);
  });

  it("refuses JSON nested 10,000 deep with the nesting limit, not a stack overflow", () => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    const problems = problemsOf(fileWith([entry("E-1", SHARED)], `, "notes": ${deep}`));
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toBe(LIMIT_MESSAGES.nesting);
    expect(problems[0].message).toMatch(/more than 16 deep, which is the nesting limit/);
    // The path names the list that would be level 17 (root, children, the child and notes are 1 to 4).
    expect(problems[0].path).toBe(`children[0].notes${"[0]".repeat(13)}`);
    const objects = `{"a":`.repeat(10_000) + "1" + "}".repeat(10_000);
    expect(problemsOf(objects)).toEqual([{ path: `a${".a".repeat(15)}`, message: LIMIT_MESSAGES.nesting }]);
  });

  it("allows nesting up to the limit; deeper is refused", () => {
    const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
    // Root object, children list, child object: the unknown field's value starts at level 4.
    const atLimit = problemsOf(fileWith([], `, "notes": ${nested(LIMITS.nesting - 3)}`));
    expect(atLimit).toEqual([{ path: "children[0].notes", message: "unknown field" }]);
    const over = problemsOf(fileWith([], `, "notes": ${nested(LIMITS.nesting - 2)}`));
    expect(over.map((p) => p.message)).toEqual([LIMIT_MESSAGES.nesting]);
  });

  it("refuses a file over the size limit before reading it as text", () => {
    const huge = new Uint8Array(LIMITS.fileBytes + 1);
    expect(problemsOf(huge)).toEqual([{ path: "$", message: LIMIT_MESSAGES.fileBytes }]);
    expect(LIMIT_MESSAGES.fileBytes).toMatch(/^is larger than 256 MB/);
  });

  it("refuses over-long text anywhere, even where a pattern would otherwise overflow the stack", () => {
    const longLocale = "ab" + "-abcd".repeat(2_000_000);
    const problems = problemsOf(fileWith([entry("E-1", SHARED)], `, "preferredLanguage": "${longLocale}"`));
    expect(problems).toEqual([{ path: "children[0].preferredLanguage", message: LIMIT_MESSAGES.textChars }]);
    expect(LIMIT_MESSAGES.textChars).toMatch(/longer than 50,000 characters/);
    // Escapes count as the character they stand for: \u00e9 is one character.
    const escaped = `"${"\\u00e9".repeat(LIMITS.textChars)}"`;
    expect(problemsOf(fileWith([], `, "communicationNeeds": ${escaped}`)).map((p) => p.message)).not.toContain(LIMIT_MESSAGES.textChars);
    expect(problemsOf(fileWith([], `, "communicationNeeds": ${escaped.slice(0, -1)}x"`)).map((p) => p.message)).toContain(LIMIT_MESSAGES.textChars);
  });

  it("refuses base64 longer than a 10 MB attachment can be", () => {
    const tooLong = "A".repeat(LIMITS.base64Chars + 4);
    const problems = problemsOf(fileWith([entry("E-1", SHARED).replace(PNG, tooLong)]));
    expect(problems).toEqual([{ path: "children[0].entries[0].attachments[0].contentBase64", message: LIMIT_MESSAGES.base64Chars }]);
  });

  it("refuses a list with more items than the limit, counting numbers and literals too", () => {
    const present = Array.from({ length: LIMITS.listItems + 1 }, () => '"A"').join(",");
    const problems = problemsOf(fileWith([entry("E-1", SHARED).replace('"present": ["Child"]', `"present": [${present}]`)]));
    expect(problems).toEqual([{ path: "children[0].entries[0].visit.present", message: LIMIT_MESSAGES.listItems }]);
    const numbers = `[${Array.from({ length: LIMITS.listItems + 1 }, (_, i) => (i % 2 ? "-12.5e3" : "true")).join(", ")}]`;
    expect(problemsOf(fileWith([], `, "notes": ${numbers}`))).toEqual([{ path: "children[0].notes", message: LIMIT_MESSAGES.listItems }]);
    const full = `[${Array.from({ length: LIMITS.listItems }, () => "1").join(",")}]`;
    expect(problemsOf(fileWith([], `, "notes": ${full}`))).toEqual([{ path: "children[0].notes", message: "unknown field" }]);
  });

  it("refuses an over-long field name at the object that holds it, without quoting it", () => {
    const name = SECRET.replace(/ /g, "").repeat(4);
    const problems = problemsOf(fileWith([], `, "${name}": 1`));
    expect(problems).toEqual([{ path: "children[0]", message: LIMIT_MESSAGES.keyChars }]);
  });
});

describe("fields given twice", () => {
  it("names each repeated field by its JSON path, with the file's other problems", () => {
    const twice = `{"withChild": true, "withFamily": true, "withFamily": false}`;
    const text = fileWith([entry("E-1", SHARED), entry("E-2", SHARED), entry("E-3", SHARED), entry("E-4", twice).replace('"title": "Home visit"', '"title": "A", "title": "B"')]);
    const problems = problemsOf(text.replace('"source": "LCS"', '"source": "LCS", "mood": 1'));
    expect(problems).toEqual([
      { path: "children[0].entries[3].title", message: LIMIT_MESSAGES.duplicateKey },
      { path: "children[0].entries[3].sharing.withFamily", message: LIMIT_MESSAGES.duplicateKey },
      { path: "mood", message: "unknown field" },
    ]);
  });

  it("sees through escapes and reports every repeat", () => {
    const twice = `{"withChild": true, "withFamily": true, "with\\u0046amily": true, "withFamily": true}`;
    expect(problemsOf(fileWith([entry("E-1", twice)]))).toEqual([
      { path: "children[0].entries[0].sharing.withFamily", message: LIMIT_MESSAGES.duplicateKey },
      { path: "children[0].entries[0].sharing.withFamily", message: LIMIT_MESSAGES.duplicateKey },
    ]);
    expect(problemsOf(`{"format": "case-record-import", "format": "case-record-import"}`)[0]).toEqual({ path: "format", message: LIMIT_MESSAGES.duplicateKey });
  });

  it("is not fooled by quotes, backslashes or braces inside text", () => {
    const tricky = JSON.stringify(`He said "withFamily": false, \\"} { [ and left\\`);
    const text = fileWith([entry("E-1", SHARED).replace('"Seen at home."', tricky)]);
    expect(validateImportText(text)).toMatchObject({ ok: true });
    expect(parseImportJson(text)).toMatchObject({ ok: true, duplicateKeys: [] });
    // The same name in different objects is not a repeat.
    expect(validateImportText(fileWith([entry("E-1", SHARED), entry("E-2", SHARED)])).ok).toBe(true);
  });

  it("leaves syntax errors to the parser, which says where they are", () => {
    for (const broken of ['{"a": "unterminated', '{"a": 1}}', '{"a\\x": 1}', "]", '{"a": [1, 2}']) {
      const problems = problemsOf(broken);
      expect(problems, broken).toHaveLength(1);
      expect(problems[0]).toMatchObject({ path: "$", message: expect.stringMatching(/^is not valid JSON/) });
    }
  });
});
