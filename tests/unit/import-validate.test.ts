import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateImport, validateImportText } from "../../lib/imports/validate.ts";
import type { ImportProblem } from "../../lib/imports/types.ts";

const root = path.resolve(import.meta.dirname, "../..");
const demoText = fs.readFileSync(path.join(root, "prisma/demo/case-records.json"));

// A name that must never appear in a problem report: values can be personal data.
const SECRET = "Zebedee Quillfeather";
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString("base64");

/* eslint-disable @typescript-eslint/no-explicit-any -- the tests build deliberately malformed documents */
function validDoc(): any {
  return {
    format: "case-record-import",
    version: 1,
    exportedAt: "2026-11-01T09:00:00+00:00",
    source: "LCS",
    children: [
      {
        externalId: "C-1",
        fullName: "Test Child",
        dateOfBirth: "2013-04-02",
        people: [
          { externalId: "P-1", fullName: "Test Mother", relationship: "mother", parentalResponsibility: true },
          { externalId: "P-2", fullName: "Test Father", relationship: "father", parentalResponsibility: true },
        ],
        entries: [
          {
            externalId: "E-1",
            type: "visit",
            title: "Home visit",
            occurredAt: "2026-10-03T15:00:00+01:00",
            recordedAt: "2026-10-06T10:00:00+01:00",
            author: { name: "J. Patel", role: "Social worker" },
            visit: { venue: "Home", present: ["Child"], childSeen: true },
            sections: [
              { text: "Seen at home.", nature: "fact", source: "first-hand" },
              { text: "Attendance is up.", nature: "fact", source: "third-party", sourceName: "School" },
            ],
            status: "current",
            sharing: { withChild: true, withFamily: true, excludePeople: ["P-2"] },
            translations: [
              { locale: "ur", title: "گھر کا دورہ", sections: ["ایک", "دو"], translatedBy: "F. Ali", translatedAt: "2026-10-07T10:00:00+01:00" },
            ],
            attachments: [{ externalId: "A-1", fileName: "drawing.png", mediaType: "image/png", contentBase64: PNG }],
          },
          {
            externalId: "E-2",
            type: "note",
            title: "Withheld note",
            occurredAt: "2026-10-04T15:00:00+01:00",
            recordedAt: "2026-10-04T16:00:00+01:00",
            author: { name: "J. Patel", role: "Social worker" },
            sections: [{ text: "Police information.", nature: "fact", source: "third-party", sourceName: "Police" }],
            status: "current",
            supersedes: "E-1",
            sharing: { withChild: false, withFamily: false, restriction: { reason: "confidential", decidedBy: "Team manager" } },
          },
        ],
      },
    ],
  };
}

function problemsOf(doc: unknown, options?: Parameters<typeof validateImport>[1]): ImportProblem[] {
  const result = validateImport(doc, options);
  if (result.ok) throw new Error("expected the document to be rejected");
  return result.problems;
}

function expectProblem(doc: unknown, path: string, message: RegExp | string) {
  const problems = problemsOf(doc);
  const at = problems.filter((p) => p.path === path);
  expect(at, `problems were: ${JSON.stringify(problems)}`).not.toHaveLength(0);
  expect(at.some((p) => (typeof message === "string" ? p.message === message : message.test(p.message)))).toBe(true);
  return problems;
}

const entry0 = "children[0].entries[0]";

describe("valid files", () => {
  it("accepts the demo extract and a minimal file", () => {
    const demo = validateImportText(demoText);
    expect(demo.ok ? [] : demo.problems).toEqual([]);
    expect(validateImport(validDoc()).ok).toBe(true);
  });

  it("accepts a byte order mark and right-to-left text", () => {
    const doc = validDoc();
    doc.children[0].fullName = "امیرہ خان";
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(doc))]);
    expect(validateImportText(bytes).ok).toBe(true);
  });

  it("accepts a supersedes that names an entry imported earlier", () => {
    const doc = validDoc();
    doc.children[0].entries[1].supersedes = "E-OLD";
    expect(problemsOf(doc)).toEqual([{ path: "children[0].entries[1].supersedes", message: expect.stringMatching(/does not name an entry/) }]);
    expect(validateImport(doc, { knownEntries: new Map([["C-1", new Set(["E-OLD"])]]) }).ok).toBe(true);
    // Known for another child does not count.
    expect(validateImport(doc, { knownEntries: new Map([["C-2", new Set(["E-OLD"])]]) }).ok).toBe(false);
  });
});

describe("schema problems, named by JSON path", () => {
  it("rejects unknown fields at any depth, quoting odd names", () => {
    const doc = validDoc();
    doc.surprise = true;
    doc.children[0].entries[0].sharing.colour = "red";
    doc.children[0]["my field"] = 1;
    const problems = problemsOf(doc);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: "surprise", message: "unknown field" },
        { path: `${entry0}.sharing.colour`, message: "unknown field" },
        { path: 'children[0]["my field"]', message: "unknown field" },
      ]),
    );
  });

  it("names each missing required field", () => {
    const doc = validDoc();
    delete doc.source;
    delete doc.children[0].entries[0].title;
    delete doc.children[0].people[1].relationship;
    delete doc.children[0].entries[0].author.role;
    expect(problemsOf(doc)).toEqual(
      expect.arrayContaining([
        { path: "source", message: "is required" },
        { path: `${entry0}.title`, message: "is required" },
        { path: "children[0].people[1].relationship", message: "is required" },
        { path: `${entry0}.author.role`, message: "is required" },
      ]),
    );
  });

  it("requires a restriction when the child may not see an entry, and a source name for third-party sections", () => {
    const doc = validDoc();
    delete doc.children[0].entries[1].sharing.restriction;
    delete doc.children[0].entries[0].sections[1].sourceName;
    const problems = problemsOf(doc);
    expect(problems).toContainEqual({ path: "children[0].entries[1].sharing.restriction", message: "is required" });
    expect(problems).toContainEqual({ path: `${entry0}.sections[1].sourceName`, message: "is required" });
    // The if/then wrapper adds no second, vaguer problem.
    expect(problems).toHaveLength(2);
  });

  it.each([
    ["occurredAt without an offset", `${entry0}.occurredAt`, "2026-10-03T15:00:00"],
    ["occurredAt as a date only", `${entry0}.occurredAt`, "2026-10-03"],
    ["recordedAt that is not a time", `${entry0}.recordedAt`, "next Tuesday"],
    ["translatedAt with a 25th hour", `${entry0}.translations[0].translatedAt`, "2026-10-07T25:00:00+01:00"],
  ])("rejects %s", (_label, at, value) => {
    const doc = validDoc();
    setAt(doc, at, value);
    expectProblem(doc, at, /ISO 8601 with an offset/);
  });

  it.each([
    ["a date that does not exist", "2013-02-30"],
    ["a date in another order", "02/04/2013"],
  ])("rejects a date of birth that is %s", (_label, value) => {
    const doc = validDoc();
    doc.children[0].dateOfBirth = value;
    expectProblem(doc, "children[0].dateOfBirth", "must be a real date written YYYY-MM-DD");
  });

  it("rejects values outside each list, and says what is allowed", () => {
    const doc = validDoc();
    doc.children[0].entries[0].type = "meeting";
    doc.children[0].people[0].relationship = "uncle";
    doc.children[0].entries[1].sharing.restriction.reason = "embarrassing";
    doc.children[0].entries[0].sections[0].nature = "rumour";
    doc.children[0].entries[0].attachments[0].mediaType = "text/html";
    const problems = problemsOf(doc);
    expect(problems).toContainEqual({ path: `${entry0}.type`, message: expect.stringContaining("must be one of: visit, contact, decision") });
    expect(problems).toContainEqual({ path: "children[0].people[0].relationship", message: expect.stringContaining("foster-carer") });
    expect(problems).toContainEqual({ path: "children[0].entries[1].sharing.restriction.reason", message: "must be one of: serious-harm, confidential, third-party, court" });
    expect(problems).toContainEqual({ path: `${entry0}.sections[0].nature`, message: expect.stringContaining("hypothesis") });
    expect(problems).toContainEqual({ path: `${entry0}.attachments[0].mediaType`, message: expect.stringContaining("application/pdf") });
  });

  it("rejects the wrong format, version and value types", () => {
    const doc = validDoc();
    doc.format = "something-else";
    doc.version = 2;
    doc.children[0].entries[0].sharing.withChild = "yes";
    doc.children[0].entries[0].sections = [];
    doc.children[0].externalId = "C 1!";
    doc.children[0].preferredLanguage = "Urdu";
    const problems = problemsOf(doc);
    expect(problems).toContainEqual({ path: "format", message: 'must be "case-record-import"' });
    expect(problems).toContainEqual({ path: "version", message: "must be 1" });
    expect(problems).toContainEqual({ path: `${entry0}.sharing.withChild`, message: "must be true or false" });
    expect(problems).toContainEqual({ path: `${entry0}.sections`, message: "must have at least 1 item" });
    expect(problems).toContainEqual({ path: "children[0].externalId", message: expect.stringMatching(/^must be an identifier/) });
    expect(problems).toContainEqual({ path: "children[0].preferredLanguage", message: "must be a language code such as ur or en-GB" });
  });

  it("reports a file that is not JSON, or not UTF-8, as one problem at $", () => {
    const notJson = validateImportText('{"format": "case-record-import",');
    expect(notJson).toEqual({ ok: false, problems: [{ path: "$", message: expect.stringMatching(/^is not valid JSON/) }] });
    const notUtf8 = validateImportText(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    expect(notUtf8).toEqual({ ok: false, problems: [{ path: "$", message: "is not valid UTF-8 text" }] });
    expect(problemsOf([])).toContainEqual({ path: "$", message: "must be an object" });
  });
});

describe("semantic problems", () => {
  it("rejects duplicate externalIds among children, people, entries and attachments", () => {
    const doc = validDoc();
    doc.children.push({ ...structuredClone(doc.children[0]) });
    doc.children[0].people.push({ externalId: "P-1", fullName: "Test Mother", relationship: "mother" });
    doc.children[0].entries[1].externalId = "E-1";
    doc.children[0].entries[0].attachments.push({ ...doc.children[0].entries[0].attachments[0] });
    const problems = problemsOf(doc);
    expect(problems).toContainEqual({ path: "children[1].externalId", message: "repeats the externalId of children[0]" });
    expect(problems).toContainEqual({ path: "children[0].people[2].externalId", message: "repeats the externalId of children[0].people[0]" });
    expect(problems).toContainEqual({ path: "children[0].entries[1].externalId", message: "repeats the externalId of children[0].entries[0]" });
    expect(problems).toContainEqual({
      path: `${entry0}.attachments[1].externalId`,
      message: `repeats the externalId of ${entry0}.attachments[0]`,
    });
  });

  it("rejects an exclusion that names an unknown person, or the same person twice", () => {
    const doc = validDoc();
    doc.children[0].entries[0].sharing.excludePeople = ["P-2", "P-99", "P-2"];
    const problems = problemsOf(doc);
    expect(problems).toEqual([
      { path: `${entry0}.sharing.excludePeople[1]`, message: "does not name a person of this child in the file or already imported" },
      { path: `${entry0}.sharing.excludePeople[2]`, message: "names the same person twice" },
    ]);
  });

  it("accepts an exclusion of a person linked to the child by an earlier import", () => {
    const doc = validDoc();
    doc.children[0].entries[0].sharing.excludePeople = ["P-OLD"];
    expectProblem(doc, `${entry0}.sharing.excludePeople[0]`, /does not name a person/);
    expect(validateImport(doc, { knownPeople: new Map([["C-1", new Set(["P-OLD"])]]) }).ok).toBe(true);
    expect(validateImport(doc, { knownPeople: new Map([["C-2", new Set(["P-OLD"])]]) }).ok).toBe(false);
  });

  it("rejects an exclusion of a person who belongs to another child", () => {
    const doc = validDoc();
    const other = structuredClone(doc.children[0]);
    other.externalId = "C-2";
    other.people = [{ externalId: "P-7", fullName: "Other Carer", relationship: "carer" }];
    other.entries = [];
    doc.children.push(other);
    doc.children[0].entries[0].sharing.excludePeople = ["P-7"];
    expectProblem(doc, `${entry0}.sharing.excludePeople[0]`, "does not name a person of this child in the file or already imported");
  });

  it("rejects supersedes that names no entry, or the entry itself", () => {
    const doc = validDoc();
    doc.children[0].entries[0].supersedes = "E-1";
    doc.children[0].entries[1].supersedes = "E-404";
    const problems = problemsOf(doc);
    expect(problems).toContainEqual({ path: `${entry0}.supersedes`, message: "must name another entry, not this one" });
    expect(problems).toContainEqual({ path: "children[0].entries[1].supersedes", message: expect.stringMatching(/does not name an entry of this child/) });
  });

  it("rejects an entry recorded before it happened", () => {
    const doc = validDoc();
    doc.children[0].entries[0].recordedAt = "2026-10-03T14:59:00+01:00";
    expectProblem(doc, `${entry0}.recordedAt`, /is before occurredAt/);
    // The same instant written with another offset is not earlier.
    doc.children[0].entries[0].recordedAt = "2026-10-03T14:00:00Z";
    expect(validateImport(doc).ok).toBe(true);
  });

  it("rejects translations that do not line up with the sections, or repeat a language", () => {
    const doc = validDoc();
    const translations = doc.children[0].entries[0].translations;
    translations[0].sections = ["ایک"];
    translations.push({ ...translations[0], sections: ["ایک", "دو"] });
    const problems = problemsOf(doc);
    expect(problems).toContainEqual({ path: `${entry0}.translations[0].sections`, message: expect.stringMatching(/has 1 sections but the entry has 2/) });
    expect(problems).toContainEqual({ path: `${entry0}.translations[1].locale`, message: "repeats the language of an earlier translation" });
  });

  it("rejects attachments that are not base64 or not the declared type", () => {
    const doc = validDoc();
    const attachments = doc.children[0].entries[0].attachments;
    attachments[0].contentBase64 = "not base64!";
    attachments.push({ externalId: "A-2", fileName: "letter.pdf", mediaType: "application/pdf", contentBase64: PNG });
    const problems = problemsOf(doc);
    expect(problems).toContainEqual({ path: `${entry0}.attachments[0].contentBase64`, message: "is not valid base64" });
    expect(problems).toContainEqual({ path: `${entry0}.attachments[1].contentBase64`, message: "does not contain a file of the declared mediaType" });
  });

  it("rejects a person described differently under two children", () => {
    const doc = validDoc();
    const sibling = structuredClone(doc.children[0]);
    sibling.externalId = "C-2";
    sibling.entries = [];
    sibling.people[0].fullName = "Another Name";
    doc.children.push(sibling);
    expect(problemsOf(doc)).toEqual([{ path: "children[1].people[0].fullName", message: "differs from the same person at children[0].people[0]" }]);
  });

  it("rejects text the database could not store exactly", () => {
    const doc = validDoc();
    doc.children[0].fullName = "Test\u0000Child";
    doc.children[0].entries[0].sections[0].text = "Seen \ud800 at home.";
    const problems = problemsOf(doc);
    expect(problems).toContainEqual({ path: "children[0].fullName", message: expect.stringMatching(/NUL character/) });
    expect(problems).toContainEqual({ path: `${entry0}.sections[0].text`, message: expect.stringMatching(/unpaired surrogate/) });
    // A proper surrogate pair (an emoji) is fine.
    const ok = validDoc();
    ok.children[0].entries[0].sections[0].text = "Amira drew a sun 🌞.";
    expect(validateImport(ok).ok).toBe(true);
  });
});

describe("reports", () => {
  it("lists every problem at once and never quotes a value", () => {
    const doc = validDoc();
    doc.children[0].fullName = "";
    doc.children[0].dateOfBirth = SECRET;
    doc.children[0].people[0].relationship = SECRET;
    doc.children[0].entries[0].sharing.excludePeople = [SECRET];
    doc.children[0].entries[0].type = SECRET;
    doc.children[0][SECRET] = SECRET;
    const problems = problemsOf(doc);
    expect(problems.length).toBeGreaterThanOrEqual(5);
    for (const problem of problems) expect(problem.message).not.toContain(SECRET);
    // The only place a value from the file may appear is an unknown field's own name in its path.
    expect(problems.filter((p) => p.path.includes(SECRET))).toEqual([{ path: `children[0]["${SECRET}"]`, message: "unknown field" }]);
  });

  it("does not quote the text around a JSON syntax error", () => {
    const result = validateImportText(`{"children": [{"fullName": "${SECRET}" "x"}]}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(JSON.stringify(result.problems)).not.toContain("Zebedee");
  });
});

function setAt(doc: any, path: string, value: unknown) {
  const steps = path.replace(/\[(\d+)\]/g, ".$1").split(".");
  const last = steps.pop()!;
  const parent = steps.reduce((node, step) => node[step], doc);
  parent[last] = value;
}
