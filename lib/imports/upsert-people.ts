import type { Prisma } from "../db/generated/client.ts";
import { mapChild, mapChildPerson, mapPerson } from "./map.ts";
import { sameValues, type Tally } from "./tally.ts";
import type { ImportChild, ImportPerson } from "./types.ts";

type Tx = Prisma.TransactionClient;

/** Creates or updates the child by externalId; returns its id. */
export async function upsertChild(tx: Tx, child: ImportChild, tally: Tally): Promise<string> {
  const data = mapChild(child);
  const existing = await tx.child.findUnique({ where: { externalId: child.externalId } });
  if (!existing) {
    const created = await tx.child.create({ data: { externalId: child.externalId, ...data }, select: { id: true } });
    tally.note("children", child.externalId, "created");
    return created.id;
  }
  const unchanged = sameValues(existing, data);
  if (!unchanged) await tx.child.update({ where: { id: existing.id }, data });
  tally.note("children", child.externalId, unchanged ? "unchanged" : "updated");
  return existing.id;
}

/**
 * Creates or updates each person and their link to this child; returns person ids by externalId.
 * People missing from the file keep their link: an extract may leave someone out, and removing a
 * link could cut off a family member's access without anyone deciding it.
 */
export async function upsertPeople(tx: Tx, childId: string, people: ImportPerson[], tally: Tally) {
  const ids = new Map<string, string>();
  for (const person of people) {
    const personId = await upsertPerson(tx, person, tally);
    const linkChanged = await upsertLink(tx, childId, personId, person);
    if (linkChanged) tally.note("people", person.externalId, "updated");
    ids.set(person.externalId, personId);
  }
  return ids;
}

async function upsertPerson(tx: Tx, person: ImportPerson, tally: Tally): Promise<string> {
  const data = mapPerson(person);
  const existing = await tx.person.findUnique({ where: { externalId: person.externalId } });
  if (!existing) {
    const created = await tx.person.create({ data: { externalId: person.externalId, ...data }, select: { id: true } });
    tally.note("people", person.externalId, "created");
    return created.id;
  }
  const unchanged = sameValues(existing, data);
  if (!unchanged) await tx.person.update({ where: { id: existing.id }, data });
  tally.note("people", person.externalId, unchanged ? "unchanged" : "updated");
  return existing.id;
}

async function upsertLink(tx: Tx, childId: string, personId: string, person: ImportPerson): Promise<boolean> {
  const data = mapChildPerson(person);
  const key = { childId_personId: { childId, personId } };
  const existing = await tx.childPerson.findUnique({ where: key });
  if (existing && sameValues(existing, data)) return false;
  if (existing) await tx.childPerson.update({ where: key, data });
  else await tx.childPerson.create({ data: { childId, personId, ...data } });
  return true;
}

/**
 * Adds to `ids` the people these externalIds name who are linked to the child already but not
 * listed in this file (validation has checked that each one is linked).
 */
export async function addLinkedPeople(tx: Tx, childId: string, externalIds: string[], ids: Map<string, string>) {
  const missing = [...new Set(externalIds)].filter((id) => !ids.has(id));
  if (missing.length === 0) return;
  const links = await tx.childPerson.findMany({
    where: { childId, person: { externalId: { in: missing } } },
    select: { person: { select: { id: true, externalId: true } } },
  });
  for (const { person } of links) ids.set(person.externalId, person.id);
}
