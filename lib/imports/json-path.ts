// Paths in problem reports read like code: children[3].entries[12].sharing.restriction.
// The root itself is "$".

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Appends one step (an array index or a property name) to a path. */
export function joinPath(base: string, step: string | number): string {
  if (typeof step === "number") return `${base === "$" ? "" : base}[${step}]`;
  // Unknown field names come from the file, so quote anything that is not a plain identifier.
  const key = PLAIN_KEY.test(step) ? step : null;
  if (base === "$" || base === "") return key ?? `[${JSON.stringify(step)}]`;
  return key ? `${base}.${key}` : `${base}[${JSON.stringify(step)}]`;
}

/** Builds a path from steps, e.g. ("children", 3, "entries") -> children[3].entries. */
export function pathOf(...steps: (string | number)[]): string {
  return steps.reduce<string>((path, step) => joinPath(path, step), "$");
}

/** Converts a JSON Pointer (as ajv reports it, e.g. /children/3/title) to a path. */
export function pointerToPath(pointer: string): string {
  if (pointer === "") return "$";
  const steps = pointer
    .split("/")
    .slice(1)
    .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"))
    // Every object in the schema forbids unknown fields, so ajv only descends through
    // known names; an all-digit step is therefore always an array index.
    .map((step) => (/^\d+$/.test(step) ? Number(step) : step));
  return pathOf(...steps);
}
