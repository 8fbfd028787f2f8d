// Semantic checks also run on files that failed the schema, so every problem is reported in one
// pass. These guards let them walk a document of unknown shape without throwing.

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The object items of a list, with their index in the list. */
export function objectsIn(value: unknown): [Obj, number][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, i): [Obj, number][] => (isObj(item) ? [[item, i]] : []));
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
