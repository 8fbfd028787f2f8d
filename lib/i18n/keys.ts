// How the texts in locales/<lang>/<namespace>.json are addressed and what they interpolate: one
// copy, shared by the translation tests and the translators' kit (lib/i18n/kit).

/** A namespace file: nested objects whose leaves are the texts. */
export type Tree = { [key: string]: string | Tree };

/** Every text of a namespace by its key path ("tasks.count.contribution_one"), in file order. */
export function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

/** The names of a text's {{placeholders}}, sorted, so two texts compare whatever their word order. */
export const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

/** The keys a text nests with $t(…), sorted: a translation must keep them as they are. */
export const nestedKeys = (text: string) => [...text.matchAll(/\$t\(([^)]*)\)/g)].map((m) => m[1].trim()).sort();
