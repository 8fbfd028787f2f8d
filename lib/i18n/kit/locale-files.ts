// Reading and writing locales/<lang>/<namespace>.json as the files are kept: keys in their order,
// two-space indentation, a final newline (what JSON.stringify(tree, null, 2) gives).
import fs from "node:fs";
import path from "node:path";
import type { Tree } from "../keys.ts";
import { SOURCE_LANGUAGE } from "./languages.ts";

/** The namespaces, one file each in the English folder. */
export function namespacesIn(localesDir: string): string[] {
  return fs.readdirSync(path.join(localesDir, SOURCE_LANGUAGE)).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -".json".length)).sort();
}

const fileOf = (localesDir: string, lang: string, namespace: string) => path.join(localesDir, lang, `${namespace}.json`);

/** A namespace's texts; empty when the language has no file for it yet. */
export function readNamespace(localesDir: string, lang: string, namespace: string): Tree {
  const file = fileOf(localesDir, lang, namespace);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Tree) : {};
}

export const formatJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export function writeJsonFile(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, formatJson(value));
  fs.renameSync(temporary, file);
}

export function writeNamespace(localesDir: string, lang: string, namespace: string, tree: Tree): void {
  writeJsonFile(fileOf(localesDir, lang, namespace), tree);
}
