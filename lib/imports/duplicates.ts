import { str, type Obj } from "./shape.ts";
import type { ImportProblem } from "./types.ts";

/** Reports every object whose externalId repeats an earlier one in the same list. */
export function findDuplicateIds(items: [Obj, number][], pathAt: (i: number) => string): ImportProblem[] {
  const firstSeen = new Map<string, number>();
  const problems: ImportProblem[] = [];
  for (const [item, i] of items) {
    const id = str(item.externalId);
    if (id === undefined) continue;
    const first = firstSeen.get(id);
    if (first === undefined) firstSeen.set(id, i);
    else problems.push({ path: `${pathAt(i)}.externalId`, message: `repeats the externalId of ${pathAt(first)}` });
  }
  return problems;
}
