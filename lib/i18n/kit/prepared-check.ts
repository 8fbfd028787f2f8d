// Whether a language's folder holds exactly what it needs: every string English has (plural keys in
// the language's own forms), none empty, each with the English placeholders, and no key English
// lacks. Used by the tests for a language before and after it is offered.
import { flatten } from "../keys.ts";
import { placeholderProblem } from "./checks.ts";
import { namespacesIn, readNamespace } from "./locale-files.ts";
import { targetStrings } from "./target-strings.ts";

/** Every problem, one line each, named by "namespace:key"; empty when the language is complete. */
export function checkStrings(localesDir: string, lang: string): string[] {
  const strings = targetStrings(localesDir, lang);
  const wanted = new Set(strings.map((s) => s.id));
  const problems: string[] = [];
  for (const string of strings) {
    if (string.current === undefined || string.current.trim() === "") problems.push(`${string.id}: missing`);
    else {
      const problem = placeholderProblem(string, string.current);
      if (problem) problems.push(`${string.id}: ${problem}`);
    }
  }
  for (const namespace of namespacesIn(localesDir)) {
    for (const key of flatten(readNamespace(localesDir, lang, namespace)).keys()) {
      if (!wanted.has(`${namespace}:${key}`)) problems.push(`${namespace}:${key}: not in English`);
    }
  }
  return problems;
}
