import type { Prisma } from "../db/generated/client.ts";
import { LOCALES } from "../i18n/config.ts";
import type { Actor } from "./actor.ts";
import { childWhereForActor } from "./policy.ts";

// The single home of "which entries of a record may this viewer see, and how". Every loader
// composes these clauses into its own query, so an entry a viewer may not see is never loaded,
// counted or paged over. The rules:
// - a child sees entries shared with the child, once released if they are read-with-worker
//   (until then only that one is waiting, and when);
// - an advocate sees what the child reads, while the child's grant lasts;
// - a parent or carer sees entries shared with family, unless the entry excludes them by name;
// - an entry to read with a worker is held back from everyone but staff until a worker releases
//   it ("we have read it together"): the child meanwhile sees only that it waits, and when; the
//   family and the advocate see nothing of it at all, so the child hears it first, from their
//   worker, and not from a parent who read it the night before;
// - an allocated caseworker sees the whole record; a manager, their team's children's records;
// - an admin sees no record content.
// Nobody who is excluded from an entry by name ever sees it, whatever their role.

const NOTHING: Prisma.EntryWhereInput = { id: { in: [] } };

export type EntryAudience = "child" | "family" | "staff" | "none";

/** Whose sharing flag applies to this viewer. */
export function audienceOf(actor: Actor): EntryAudience {
  switch (actor.role) {
    case "child":
    case "advocate":
      return "child";
    case "parent":
    case "carer":
      return "family";
    case "caseworker":
    case "manager":
      return "staff";
    default:
      return "none";
  }
}

function notExcluded(actor: Actor): Prisma.EntryWhereInput {
  return { exclusions: { none: { person: { accounts: { some: { id: actor.userId } } } } } };
}

// Entries on records this actor may open (one record, or with ANY_RECORD every record they may
// open), shared with their audience, not excluding them.
const ANY_RECORD = null;

function reachable(actor: Actor, childId: string | typeof ANY_RECORD): Prisma.EntryWhereInput | null {
  const audience = audienceOf(actor);
  if (audience === "none" || !actor.userId || childId === "") return null;
  const base: Prisma.EntryWhereInput[] = [{ child: childWhereForActor(actor) }, notExcluded(actor)];
  if (childId !== ANY_RECORD) base.unshift({ childId });
  if (audience === "child") base.push({ withChild: true });
  if (audience === "family") base.push({ withFamily: true });
  return { AND: base };
}

/** Released, or never meant to wait: the part of the rule that holds for everyone but staff. */
const NOT_WAITING: Prisma.EntryWhereInput = { OR: [{ readWithWorker: false }, { releasedAt: { not: null } }] };

/** Entries whose content this viewer may read: in one record, or in every record they may open (null). */
export function readableEntryWhere(actor: Actor, childId: string | null): Prisma.EntryWhereInput {
  const where = reachable(actor, childId);
  if (!where) return NOTHING;
  if (audienceOf(actor) === "staff") return where;
  return { AND: [where, NOT_WAITING] };
}

/** Only the child is told an entry waits for them: the one viewer who sees a placeholder. */
function seesWaiting(actor: Actor): boolean {
  return actor.role === "child";
}

/** Entries waiting to be read with a worker: the child sees that they exist and when, not what they say. */
export function waitingEntryWhere(actor: Actor, childId: string | null): Prisma.EntryWhereInput {
  const where = reachable(actor, childId);
  if (!where || !seesWaiting(actor)) return NOTHING;
  return { AND: [where, { readWithWorker: true, releasedAt: null }] };
}

/** Whether this entry, already loaded through listedEntryWhere, is one this viewer must wait for. */
export function isWaitingFor(actor: Actor, entry: { readWithWorker: boolean; releasedAt: Date | null }): boolean {
  return seesWaiting(actor) && entry.readWithWorker && !entry.releasedAt;
}

/**
 * Readable or waiting: what appears in the viewer's chronology at all. For the child that is every
 * reachable entry (readable and waiting differ only in whether it has been released), written as
 * one AND rather than "readable OR waiting": under an OR the database cannot check the exclusions
 * entry by entry and reads every exclusion of every record instead (issue 6, item 21). Everyone
 * else is never shown a waiting entry, so what they list is what they may read.
 */
export function listedEntryWhere(actor: Actor, childId: string): Prisma.EntryWhereInput {
  if (!seesWaiting(actor)) return readableEntryWhere(actor, childId);
  return reachable(actor, childId) ?? NOTHING;
}

/**
 * Entries withheld from the child under a recorded restriction, for "why can't I see some
 * things?". Only the reason category and review date ever leave the policy (lib/restrictions/withheld.ts).
 * A restriction records why something is kept from the child, so only the child's audience (the
 * child and their advocate) get reasons: shown to a parent, "confidential, review in April" could
 * itself reveal that the child has said something about them. Someone excluded by name gets no
 * trace at all, so those entries are left out here too.
 */
export function withheldEntryWhere(actor: Actor, childId: string): Prisma.EntryWhereInput {
  if (audienceOf(actor) !== "child" || !actor.userId || !childId) return NOTHING;
  return { AND: [{ childId }, { child: childWhereForActor(actor) }, notExcluded(actor), { withChild: false }, { restriction: { isNot: null } }] };
}

/**
 * Entries whose translation this viewer may write or check (issue 10). Staff of the child: what
 * they may read. A translator opens no record: only entries someone has asked to have translated
 * into a language they have no translation in yet, or whose translation waits for its check.
 */
export function translatableEntryWhere(actor: Actor, childId: string | null): Prisma.EntryWhereInput {
  if (actor.role === "translator" && actor.userId && childId !== "") {
    const asked = LOCALES.filter((l) => l !== "en").map((locale) => ({ translationRequests: { some: { locale } }, translations: { none: { locale } } }));
    const work: Prisma.EntryWhereInput = { OR: [...asked, { translationDrafts: { some: { check: { is: null } } } }] };
    return childId === null ? work : { AND: [{ childId }, work] };
  }
  return audienceOf(actor) === "staff" ? readableEntryWhere(actor, childId) : NOTHING;
}

/** Whether this viewer may see the record's access log (see lib/records/access-log.ts for why). */
export function mayReadAccessLog(actor: Actor): boolean {
  return ["child", "advocate", "caseworker", "manager"].includes(actor.role);
}
