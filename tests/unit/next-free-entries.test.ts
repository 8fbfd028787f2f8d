import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Command-line scripts, and the demo that `npm start` loads before the web app, run outside Next
// (node --conditions=react-server, where next/navigation cannot even be imported). So nothing
// they import may reach a Next module: a domain's page loaders (session, notFound) live in its
// loaders.ts, beside its index.ts, not in it. Followed by value imports, as Node loads them.
const root = path.resolve(import.meta.dirname, "../..");
const ENTRIES = [
  "scripts/accounts.ts", "scripts/audit-verify.ts", "scripts/migrate.ts", "scripts/prepare-database.ts", "scripts/records-import.ts",
  "lib/demo/index.ts", "lib/consent/index.ts", "lib/contributions/index.ts", "lib/rectification/index.ts",
  "lib/records/index.ts", "lib/translations/index.ts", "lib/restrictions/index.ts", "lib/pdf/index.ts",
];

// `import … from "x"`, `export … from "x"` and `import "x"`, but not `import type` / `export type`.
const VALUE_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s*)?["']([^"']+)["']/gm;

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  return found && !found.includes(`${path.sep}generated${path.sep}`) ? found : null;
}

/** Each Next module reachable from the entry, with the chain of files that imports it. */
function nextModulesFrom(entry: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const here = [...chain, path.relative(root, file)];
    for (const [, spec] of fs.readFileSync(file, "utf8").matchAll(VALUE_IMPORT)) {
      if (spec === "next" || spec.startsWith("next/") || spec === "next-auth" || spec.startsWith("next-auth/")) found.push(`${here.join(" -> ")} -> ${spec}`);
      const next = resolve(file, spec);
      if (next) walk(next, here);
    }
  };
  walk(path.join(root, entry), []);
  return found;
}

describe("what runs outside Next loads no Next module", () => {
  it.each(ENTRIES)("%s", (entry) => {
    expect(nextModulesFrom(entry)).toEqual([]);
  });
});
