import { randomUUID } from "node:crypto";
import { findInSlices, type Tx } from "./batches.ts";
import { mapChild, mapChildPerson, mapPerson } from "./map.ts";
import { sameValues, type Tally } from "./tally.ts";
import type { ImportChild, ImportPerson } from "./types.ts";

// Children, people and their links, written in batches: one query finds what exists, one
// multi-row INSERT creates what does not, and only rows whose values changed are updated one by one.

/** Creates or updates each child by externalId; returns child ids by externalId. */
export async function writeChildren(tx: Tx, children: ImportChild[], tally: Tally): Promise<Map<string, string>> {
  const existing = await findInSlices(children.map((c) => c.externalId), (ids) => tx.child.findMany({ where: { externalId: { in: ids } } }));
  const byExternalId = new Map(existing.map((row) => [row.externalId, row]));
  const ids = new Map<string, string>();
  const created = [];
  for (const child of children) {
    const data = mapChild(child);
    const row = byExternalId.get(child.externalId);
    if (!row) {
      const id = randomUUID();
      created.push({ id, externalId: child.externalId, ...data });
      ids.set(child.externalId, id);
      tally.note("children", child.externalId, "created");
      continue;
    }
    const unchanged = sameValues(row, data);
    if (!unchanged) await tx.child.update({ where: { id: row.id }, data });
    tally.note("children", child.externalId, unchanged ? "unchanged" : "updated");
    ids.set(child.externalId, row.id);
  }
  if (created.length > 0) await tx.child.createMany({ data: created });
  return ids;
}

/**
 * Creates or updates each person and their link to their child; returns, per child externalId,
 * person ids by externalId, including people the child's entries exclude who were linked to the
 * child by an earlier file (validation has checked each is linked). People missing from the file
 * keep their link: an extract may leave someone out, and removing a link could cut off a family
 * member's access without anyone deciding it.
 */
export async function writePeople(tx: Tx, children: ImportChild[], childIds: Map<string, string>, excluded: Map<string, string[]>, tally: Tally) {
  const personIds = await writePersons(tx, children.flatMap((c) => c.people ?? []), tally);
  await writeLinks(tx, children, childIds, personIds, tally);
  const perChild = new Map<string, Map<string, string>>();
  for (const child of children) {
    perChild.set(child.externalId, new Map((child.people ?? []).map((p) => [p.externalId, personIds.get(p.externalId)!])));
  }
  await addLinkedPeople(tx, childIds, excluded, perChild);
  return perChild;
}

async function writePersons(tx: Tx, people: ImportPerson[], tally: Tally): Promise<Map<string, string>> {
  // A person named under two children is one row (validation has checked both describe them alike).
  const unique = [...new Map(people.map((p) => [p.externalId, p])).values()];
  const existing = await findInSlices(unique.map((p) => p.externalId), (ids) => tx.person.findMany({ where: { externalId: { in: ids } } }));
  const byExternalId = new Map(existing.map((row) => [row.externalId, row]));
  const ids = new Map<string, string>();
  const created = [];
  for (const person of unique) {
    const data = mapPerson(person);
    const row = byExternalId.get(person.externalId);
    if (!row) {
      const id = randomUUID();
      created.push({ id, externalId: person.externalId, ...data });
      ids.set(person.externalId, id);
      tally.note("people", person.externalId, "created");
      continue;
    }
    const unchanged = sameValues(row, data);
    if (!unchanged) await tx.person.update({ where: { id: row.id }, data });
    tally.note("people", person.externalId, unchanged ? "unchanged" : "updated");
    ids.set(person.externalId, row.id);
  }
  if (created.length > 0) await tx.person.createMany({ data: created });
  return ids;
}

async function writeLinks(tx: Tx, children: ImportChild[], childIds: Map<string, string>, personIds: Map<string, string>, tally: Tally) {
  const wanted = children.flatMap((child) => (child.people ?? []).map((person) => ({ childId: childIds.get(child.externalId)!, personId: personIds.get(person.externalId)!, person })));
  const existing = await findInSlices([...childIds.values()], (ids) => tx.childPerson.findMany({ where: { childId: { in: ids } } }));
  const byKey = new Map(existing.map((row) => [`${row.childId}/${row.personId}`, row]));
  const created = [];
  for (const { childId, personId, person } of wanted) {
    const data = mapChildPerson(person);
    const row = byKey.get(`${childId}/${personId}`);
    if (row && sameValues(row, data)) continue;
    if (row) await tx.childPerson.update({ where: { childId_personId: { childId, personId } }, data });
    else created.push({ childId, personId, ...data });
    tally.note("people", person.externalId, "updated");
  }
  if (created.length > 0) await tx.childPerson.createMany({ data: created });
}

/** Adds, per child, the people its entries exclude who are linked already but not in this file. */
async function addLinkedPeople(tx: Tx, childIds: Map<string, string>, excluded: Map<string, string[]>, perChild: Map<string, Map<string, string>>) {
  const missing = new Map<string, Set<string>>();
  for (const [childExternalId, personExternalIds] of excluded) {
    const known = perChild.get(childExternalId)!;
    const absent = personExternalIds.filter((id) => !known.has(id));
    if (absent.length > 0) missing.set(childIds.get(childExternalId)!, new Set(absent));
  }
  if (missing.size === 0) return;
  const wantedIds = [...new Set([...missing.values()].flatMap((s) => [...s]))];
  const links = await findInSlices(wantedIds, (ids) =>
    tx.childPerson.findMany({
      where: { childId: { in: [...missing.keys()] }, person: { externalId: { in: ids } } },
      select: { childId: true, person: { select: { id: true, externalId: true } } },
    }),
  );
  const externalIdOf = new Map([...childIds].map(([externalId, id]) => [id, externalId]));
  for (const { childId, person } of links) {
    if (missing.get(childId)?.has(person.externalId)) perChild.get(externalIdOf.get(childId)!)!.set(person.externalId, person.id);
  }
}
