import { pathOf } from "./json-path.ts";
import { checkEntry, type ChildContext } from "./entry-checks.ts";
import { findDuplicateIds } from "./duplicates.ts";
import { objectsIn, str, type Obj } from "./shape.ts";
import { findUnstorableText } from "./text-checks.ts";
import type { ImportProblem } from "./types.ts";

// ExternalIds already in the database, by child externalId: lets an entry supersede one imported
// by an earlier file (entries), or exclude someone linked to the child by an earlier file (people).
export type KnownIds = ReadonlyMap<string, ReadonlySet<string>>;
export type Known = { entries?: KnownIds; people?: KnownIds };

/** Rules the schema cannot express. Each problem names the JSON path it is about. */
export function checkSemantics(doc: unknown, known: Known = {}): ImportProblem[] {
  const problems: ImportProblem[] = [...findUnstorableText(doc)];
  const children = objectsIn((doc as Obj | null)?.children);
  problems.push(...findDuplicateIds(children, (i) => pathOf("children", i)));
  problems.push(...checkPeopleAgree(children));
  for (const [child, c] of children) problems.push(...checkChild(child, c, known));
  return problems;
}

function checkChild(child: Obj, c: number, known: Known): ImportProblem[] {
  const people = objectsIn(child.people);
  const entries = objectsIn(child.entries);
  const childId = str(child.externalId) ?? "";
  const context: ChildContext = {
    path: pathOf("children", c),
    personIds: new Set([
      ...people.map(([p]) => str(p.externalId)).filter((id) => id !== undefined),
      ...(known.people?.get(childId) ?? []),
    ]),
    entryIds: new Set([
      ...entries.map(([e]) => str(e.externalId)).filter((id) => id !== undefined),
      ...(known.entries?.get(childId) ?? []),
    ]),
  };
  return [
    ...findDuplicateIds(people, (i) => pathOf("children", c, "people", i)),
    ...findDuplicateIds(entries, (i) => pathOf("children", c, "entries", i)),
    ...entries.flatMap(([entry, e]) => checkEntry(entry, e, context)),
  ];
}

// A person is one row whatever child they appear under, so two children must describe them alike.
function checkPeopleAgree(children: [Obj, number][]): ImportProblem[] {
  const firstSeen = new Map<string, { person: Obj; path: string }>();
  const problems: ImportProblem[] = [];
  for (const [child, c] of children) {
    for (const [person, p] of objectsIn(child.people)) {
      const id = str(person.externalId);
      if (id === undefined) continue;
      const path = pathOf("children", c, "people", p);
      const first = firstSeen.get(id);
      if (!first) firstSeen.set(id, { person, path });
      else if (!first.path.startsWith(`${pathOf("children", c)}.`)) {
        problems.push(...comparePerson(first.person, person, first.path, path));
      }
    }
  }
  return problems;
}

function comparePerson(first: Obj, later: Obj, firstPath: string, path: string): ImportProblem[] {
  return (["fullName", "preferredLanguage"] as const)
    .filter((field) => first[field] !== later[field])
    .map((field) => ({ path: `${path}.${field}`, message: `differs from the same person at ${firstPath}` }));
}
