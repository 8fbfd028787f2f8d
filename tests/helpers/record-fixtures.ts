import { randomBytes } from "node:crypto";
import type { Db } from "../../lib/db/connect.ts";
import type { Clock } from "../../lib/clock.ts";
import type { FileStore } from "../../lib/files/file-store.ts";
import { importRecords } from "../../lib/imports/apply.ts";
import type { EntryType, ImportChild, ImportEntry, ImportFile, ImportPerson, RestrictionReason } from "../../lib/imports/types.ts";
import { allocateCaseworker } from "../../lib/accounts/allocate-caseworker.ts";
import { makeAccount, SYSTEM, uniq, type MadeAccount } from "./account-fixtures.ts";

// One small case record with every kind of sharing decision, imported the real way, and an
// account for every kind of viewer. Used by tests/integration/record-visibility.test.ts.
//
// Child A has a mother (parental responsibility), a separated father who is excluded by name from
// some entries, a foster carer and an advocate. Child B is another family (nothing may cross
// over). Child T is A's twin for the "no trace" proof: the same record minus every entry that
// excludes the father, with a father of its own.

const DAY = 24 * 60 * 60 * 1000;
const BASE = Date.parse("2026-01-01T10:00:00Z");
const author = { name: "J. Patel", role: "Social worker" };

/** The entries of A, besides the fillers. */
export type Spec = {
  id: string;
  type: EntryType;
  at: string;
  withChild: boolean;
  withFamily: boolean;
  historical?: boolean;
  supersedes?: string;
  excludeFather?: boolean;
  restriction?: RestrictionReason;
  reviewDue?: string;
  readWithWorker?: boolean;
  belongsToChild?: boolean;
  attachment?: string;
  urdu?: boolean;
};

// Times: fillers fall daily at 10:00 from 2 January 2026; E-BOTH, X-DAD-BOTH and F-04 share one
// instant, as do R-HARM-FAM and F-10, so paging has to break ties by id.
export const SPECIALS: readonly Spec[] = [
  { id: "E-BOTH", type: "visit", at: "2026-01-05T10:00:00Z", withChild: true, withFamily: true },
  { id: "E-CHILD", type: "note", at: "2026-01-08T15:00:00Z", withChild: true, withFamily: false },
  { id: "R-HARM-FAM", type: "assessment", at: "2026-01-11T10:00:00Z", withChild: false, withFamily: true, restriction: "serious-harm", reviewDue: "2026-12-01" },
  { id: "R-HARM", type: "assessment", at: "2026-01-14T15:00:00Z", withChild: false, withFamily: false, restriction: "serious-harm", reviewDue: "2026-12-01", attachment: "A-HARM" },
  { id: "R-CONF", type: "case-summary", at: "2026-02-20T15:00:00Z", withChild: false, withFamily: false, restriction: "confidential", reviewDue: "2027-04-01" },
  { id: "R-THIRD-FAM", type: "report", at: "2026-01-17T15:00:00Z", withChild: false, withFamily: true, restriction: "third-party", reviewDue: "2027-01-31" },
  { id: "R-COURT", type: "decision", at: "2026-01-20T15:00:00Z", withChild: false, withFamily: false, restriction: "court", reviewDue: "2027-06-30" },
  { id: "X-DAD-BOTH", type: "letter", at: "2026-01-05T10:00:00Z", withChild: true, withFamily: true, excludeFather: true, belongsToChild: true, attachment: "A-DAD" },
  { id: "X-DAD-COURT", type: "letter", at: "2026-01-23T15:00:00Z", withChild: false, withFamily: false, excludeFather: true, restriction: "court", reviewDue: "2027-01-15" },
  { id: "X-DAD-TP", type: "report", at: "2026-01-26T15:00:00Z", withChild: false, withFamily: false, excludeFather: true, restriction: "third-party", reviewDue: "2027-02-15" },
  { id: "X-DAD-HIST", type: "plan", at: "2026-01-02T15:00:00Z", withChild: true, withFamily: true, excludeFather: true, historical: true },
  { id: "RWW-WAIT", type: "review", at: "2026-01-29T15:00:00Z", withChild: true, withFamily: true, readWithWorker: true, attachment: "A-WAIT" },
  { id: "RWW-DONE", type: "review", at: "2026-02-01T15:00:00Z", withChild: true, withFamily: true, readWithWorker: true },
  { id: "PLAN-OLD", type: "plan", at: "2026-01-03T15:00:00Z", withChild: true, withFamily: true, historical: true },
  { id: "PLAN-NEW", type: "plan", at: "2026-02-04T15:00:00Z", withChild: true, withFamily: true, supersedes: "PLAN-OLD" },
  { id: "CS", type: "case-summary", at: "2026-02-07T15:00:00Z", withChild: true, withFamily: true },
  { id: "THING", type: "note", at: "2026-02-09T15:00:00Z", withChild: true, withFamily: true, belongsToChild: true, attachment: "A-THING" },
  { id: "UR", type: "visit", at: "2026-02-12T15:00:00Z", withChild: true, withFamily: true, urdu: true },
];

export const FILLER_COUNT = 40;
export const FILLERS: readonly Spec[] = Array.from({ length: FILLER_COUNT }, (_, i) => ({
  id: `F-${String(i + 1).padStart(2, "0")}`,
  type: "contact" as const,
  at: new Date(BASE + (i + 1) * DAY).toISOString(),
  withChild: true,
  withFamily: true,
}));

export const ALL_SPECS: readonly Spec[] = [...SPECIALS, ...FILLERS];
export const FILLER_IDS: readonly string[] = FILLERS.map((f) => f.id);
export const URDU_TITLE = "گھر کا دورہ";

function png(): string {
  const head = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([head, randomBytes(24)]).toString("base64");
}

function toEntry(spec: Spec, fatherId: string): ImportEntry {
  const recordedAt = new Date(Date.parse(spec.at) + 2 * 60 * 60 * 1000).toISOString();
  const sharing: ImportEntry["sharing"] = { withChild: spec.withChild, withFamily: spec.withFamily };
  if (spec.excludeFather) sharing.excludePeople = [fatherId];
  if (spec.readWithWorker) sharing.readWithWorker = true;
  if (spec.restriction) {
    sharing.restriction = { reason: spec.restriction, decidedBy: "Team manager", note: `Why ${spec.id} is kept back`, reviewDue: spec.reviewDue };
  }
  const entry: ImportEntry = {
    externalId: spec.id,
    type: spec.type,
    title: `Title of ${spec.id}`,
    occurredAt: spec.at,
    recordedAt,
    author,
    sections: [{ text: `Text of ${spec.id}.`, nature: "fact", source: "first-hand" }],
    status: spec.historical ? "historical" : "current",
    sharing,
  };
  if (spec.supersedes) entry.supersedes = spec.supersedes;
  if (spec.belongsToChild) Object.assign(entry, { belongsToChild: true, originalLocation: "With the child" });
  if (spec.attachment) entry.attachments = [{ externalId: spec.attachment, fileName: `${spec.attachment}.png`, mediaType: "image/png", contentBase64: png() }];
  if (spec.urdu) {
    entry.translations = [{ locale: "ur", title: URDU_TITLE, sections: ["متن۔"], translatedBy: "F. Ali", translatedAt: "2026-02-13T10:00:00Z" }];
  }
  return entry;
}

function family(tag: string, who: string): ImportPerson[] {
  return [
    { externalId: `P-${tag}-${who}-mum`, fullName: `Mother ${who}`, relationship: "mother", parentalResponsibility: true, livesWithChild: false },
    { externalId: `P-${tag}-${who}-dad`, fullName: `Father ${who}`, relationship: "father", parentalResponsibility: true, livesWithChild: false },
    { externalId: `P-${tag}-${who}-carer`, fullName: `Carer ${who}`, relationship: "foster-carer", livesWithChild: true },
  ];
}

function child(tag: string, who: string, people: ImportPerson[], entries: ImportEntry[]): ImportChild {
  return { externalId: `C-${tag}-${who}`, fullName: `Child ${who}`, preferredName: who, dateOfBirth: "2013-04-02", preferredLanguage: "ur", people, entries };
}

/** The extract: A (the matrix), B (another family), T (A without the entries excluding the father). */
export function visibilityExtract(tag: string): ImportFile {
  const aDad = `P-${tag}-A-dad`;
  const tDad = `P-${tag}-T-dad`;
  const advocate: ImportPerson = { externalId: `P-${tag}-A-adv`, fullName: "Advocate A", relationship: "advocate" };
  const other: ImportEntry[] = [
    toEntry({ id: "O-1", type: "visit", at: "2026-01-05T10:00:00Z", withChild: true, withFamily: true, belongsToChild: true, attachment: "A-O" }, ""),
    toEntry({ id: "O-2", type: "case-summary", at: "2026-03-01T10:00:00Z", withChild: false, withFamily: false, restriction: "court", reviewDue: "2026-12-24" }, ""),
  ];
  return {
    format: "case-record-import",
    version: 1,
    exportedAt: "2026-03-01T09:00:00+00:00",
    source: "LCS",
    children: [
      child(tag, "A", [...family(tag, "A"), advocate], ALL_SPECS.map((s) => toEntry(s, aDad))),
      child(tag, "B", [{ externalId: `P-${tag}-B-mum`, fullName: "Mother B", relationship: "mother", parentalResponsibility: true }], other),
      child(tag, "T", family(tag, "T"), ALL_SPECS.filter((s) => !s.excludeFather).map((s) => toEntry(s, tDad))),
    ],
  };
}

export type RecordIds = { id: string; entries: Map<string, string>; attachments: Map<string, string> };

export type VisibilityFixture = {
  A: RecordIds;
  B: RecordIds;
  T: RecordIds;
  /** Entry uuid to a label: the externalId for A, "B:…" or "T:…" for the others. */
  label: Map<string, string>;
  accounts: {
    child: MadeAccount;
    mother: MadeAccount;
    father: MadeAccount;
    carer: MadeAccount;
    advocate: MadeAccount;
    caseworker: MadeAccount;
    manager: MadeAccount;
    otherCaseworker: MadeAccount;
    otherManager: MadeAccount;
    admin: MadeAccount;
    otherParent: MadeAccount;
    otherChild: MadeAccount;
    twinFather: MadeAccount;
  };
  advocateGrantId: string;
};

async function idsOf(db: Db, externalId: string): Promise<RecordIds> {
  const c = await db.child.findUniqueOrThrow({
    where: { externalId },
    select: { id: true, entries: { select: { id: true, externalId: true, attachments: { select: { id: true, externalId: true } } } } },
  });
  return {
    id: c.id,
    entries: new Map(c.entries.map((e) => [e.externalId, e.id])),
    attachments: new Map(c.entries.flatMap((e) => e.attachments.map((a) => [a.externalId, a.id] as const))),
  };
}

/** Imports the extract, makes every account, allocates staff and releases RWW-DONE (in A and T). */
export async function seedVisibilityFixture(db: Db, files: FileStore, clock: Clock): Promise<VisibilityFixture> {
  const tag = randomBytes(3).toString("hex");
  const result = await importRecords({ db, files, clock, actor: SYSTEM, raw: JSON.stringify(visibilityExtract(tag)) });
  if (!result.ok) throw new Error(`import rejected: ${JSON.stringify(result.problems)}`);
  const [A, B, T] = await Promise.all(["A", "B", "T"].map((who) => idsOf(db, `C-${tag}-${who}`)));
  const person = (who: string) => `P-${tag}-${who}`;
  const north = uniq("North");
  const south = uniq("South");
  const make = (input: Parameters<typeof makeAccount>[2]) => makeAccount(db, clock, input);
  const accounts: VisibilityFixture["accounts"] = {
    child: await make({ role: "child", child: `C-${tag}-A` }),
    mother: await make({ role: "parent", person: person("A-mum") }),
    father: await make({ role: "parent", person: person("A-dad") }),
    carer: await make({ role: "carer", person: person("A-carer") }),
    advocate: await make({ role: "advocate", person: person("A-adv") }),
    caseworker: await make({ role: "caseworker", team: north }),
    manager: await make({ role: "manager", team: north }),
    otherCaseworker: await make({ role: "caseworker", team: south }),
    otherManager: await make({ role: "manager", team: south }),
    admin: await make({ role: "admin" }),
    otherParent: await make({ role: "parent", person: person("B-mum") }),
    otherChild: await make({ role: "child", child: `C-${tag}-B` }),
    twinFather: await make({ role: "parent", person: person("T-dad") }),
  };
  const allocate = (who: MadeAccount, childExternalId: string) =>
    allocateCaseworker({ db, clock, actor: SYSTEM, username: who.username, childExternalId });
  await allocate(accounts.caseworker, `C-${tag}-A`);
  await allocate(accounts.otherCaseworker, `C-${tag}-B`);
  // Released in A and in its twin T alike, so T stays A minus the entries naming the father.
  await db.entry.updateMany({
    where: { id: { in: [A.entries.get("RWW-DONE")!, T.entries.get("RWW-DONE")!] } },
    data: { releasedAt: clock.now(), releasedById: accounts.caseworker.actor.userId },
  });
  const grant = await db.grant.findFirstOrThrow({ where: { userId: accounts.advocate.actor.userId, kind: "advocate", revokedAt: null } });
  const label = new Map<string, string>();
  for (const [externalId, id] of A.entries) label.set(id, externalId);
  for (const [externalId, id] of B.entries) label.set(id, `B:${externalId}`);
  for (const [externalId, id] of T.entries) label.set(id, `T:${externalId}`);
  return { A, B, T, label, accounts, advocateGrantId: grant.id };
}
