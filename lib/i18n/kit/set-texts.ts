// Puts translated texts into a namespace's tree without disturbing what is there: a key already in
// the file keeps its place; a new key goes where English has it, after the nearest key that comes
// before it in English and is already in the file.
import type { Tree } from "../keys.ts";

/** For each key path and each of its prefixes ("a", "a.b", "a.b.c"), where it first appears in `order`. */
function firstPositions(order: readonly string[]): Map<string, number> {
  const first = new Map<string, number>();
  order.forEach((key, i) => {
    const parts = key.split(".");
    for (let n = 1; n <= parts.length; n++) {
      const prefix = parts.slice(0, n).join(".");
      if (!first.has(prefix)) first.set(prefix, i);
    }
  });
  return first;
}

function setText(tree: Tree, parts: string[], text: string, parent: string, first: Map<string, number>): Tree {
  const [name, ...rest] = parts;
  const here = parent ? `${parent}.${name}` : name;
  const current = Object.hasOwn(tree, name) ? tree[name] : undefined;
  const value = rest.length ? setText(typeof current === "object" ? current : {}, rest, text, here, first) : text;
  if (current !== undefined) return { ...tree, [name]: value }; // an existing key keeps its place
  const rank = first.get(here) ?? Infinity;
  const entries = Object.entries(tree);
  let at = 0;
  entries.forEach(([sibling], i) => {
    const siblingRank = first.get(parent ? `${parent}.${sibling}` : sibling);
    if (siblingRank !== undefined && siblingRank < rank) at = i + 1;
  });
  entries.splice(at, 0, [name, value]);
  return Object.fromEntries(entries);
}

/** The tree with every text set at its key path; `order` is every key path of the namespace in English's order. */
export function setTexts(tree: Tree, texts: ReadonlyMap<string, string>, order: readonly string[]): Tree {
  const first = firstPositions(order);
  let out = tree;
  for (const [key, text] of texts) out = setText(out, key.split("."), text, "", first);
  return out;
}
