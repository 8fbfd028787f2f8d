import type { ImportEntry, ImportFile, ImportPerson } from "../../lib/imports/types.ts";

// A realistic, deterministic case-record extract of any size, for the import benchmark and the
// batched-import tests: children of `perChild` entries each, with their family, every entry type,
// one to three sections (some third-party), decisions and visits, Urdu translations, entries kept
// from the child under a restriction, entries excluding the father by name, superseded case
// summaries and, now and then, a small attachment.

const TYPES = ["visit", "contact", "note", "assessment", "plan", "review", "decision", "letter", "report", "case-summary", "chronology"] as const;
const TEXTS: [string, ImportEntry["sections"][number]["nature"]][] = [
  ["I visited the family home after school. The house was warm and tidy and there was food in the kitchen.", "fact"],
  ["In my view things at home are calmer than they were in the spring.", "opinion"],
  ["We agreed that contact with dad will stay supervised until the next review.", "decision"],
  ["Taking everything together, the plan is working and the risks have come down.", "assessment"],
];
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 56 }, (_, i) => i)]);
const DAY = 24 * 3_600_000;

export function makeExtract(options: { children: number; perChild: number; tag: string }): ImportFile {
  const children = Array.from({ length: options.children }, (_, c) => {
    const id = `${options.tag}-${c}`;
    const people: ImportPerson[] = [
      { externalId: `P-${id}-m`, fullName: `Mother ${c}`, relationship: "mother", parentalResponsibility: true, livesWithChild: true, preferredLanguage: "ur" },
      { externalId: `P-${id}-f`, fullName: `Father ${c}`, relationship: "father", parentalResponsibility: true },
      { externalId: `P-${id}-g`, fullName: `Grandmother ${c}`, relationship: "grandparent" },
    ];
    const entries = Array.from({ length: options.perChild }, (_, e) => makeEntry(id, e));
    return { externalId: `C-${id}`, fullName: `Child ${c}`, dateOfBirth: "2013-04-02", preferredLanguage: "ur", people, entries };
  });
  return { format: "case-record-import", version: 1, exportedAt: "2026-11-01T09:00:00+00:00", source: "LCS", children };
}

function makeEntry(childTag: string, e: number): ImportEntry {
  const type = TYPES[e % TYPES.length];
  const occurred = Date.parse("2026-10-01T09:00:00Z") - e * DAY;
  const sections = Array.from({ length: 1 + (e % 3) }, (_, s) => {
    const [text, nature] = TEXTS[(e + s) % TEXTS.length];
    return s === 1 ? { text, nature, source: "third-party" as const, sourceName: "Designated teacher" } : { text, nature, source: "first-hand" as const };
  });
  const entry: ImportEntry = {
    externalId: `E-${e}`,
    type,
    title: `${type} ${e}`,
    occurredAt: new Date(occurred).toISOString(),
    recordedAt: new Date(occurred + (e % 7 === 0 ? 3 * DAY : 3_600_000)).toISOString(),
    author: { name: "J. Patel", role: "Social worker" },
    sections,
    status: "current",
    sharing: { withChild: true, withFamily: true },
  };
  if (type === "visit") entry.visit = { venue: "Home", present: ["Child", "J. Patel"], childSeen: true, childSeenAlone: e % 2 === 0 };
  if (type === "decision") entry.decision = { madeBy: "Team manager", reasons: "Reasonable cause to suspect harm." };
  if (e % 10 === 3) entry.sharing = { withChild: false, withFamily: false, restriction: { reason: "confidential", decidedBy: "Team manager", reviewDue: "2027-01-31" } };
  if (e % 10 === 5) entry.sharing = { withChild: true, withFamily: true, excludePeople: [`P-${childTag}-f`], readWithWorker: true };
  if (e % 4 === 1) {
    entry.translations = [{ locale: "ur", title: "گھر کا دورہ", sections: sections.map(() => "امیرہ نے مجھے اپنا کمرہ دکھایا۔"), translatedBy: "F. Ali", translatedAt: "2026-10-07T10:00:00+01:00" }];
  }
  // Case summaries replace the one before them.
  if (type === "case-summary" && e >= TYPES.length) entry.supersedes = `E-${e - TYPES.length}`;
  if (e % 50 === 7) {
    entry.attachments = [{ externalId: `A-${e}`, fileName: `drawing-${e}.png`, mediaType: "image/png", contentBase64: Buffer.concat([PNG, Buffer.from(`${childTag}/${e}`)]).toString("base64") }];
  }
  return entry;
}
