// The rules a returned translation must keep, each answering with a problem in words or nothing.
import { nestedKeys, placeholders } from "../keys.ts";
import { countMayBeLeftOut } from "./context.ts";
import type { TargetString } from "./target-strings.ts";

const list = (items: string[]) => (items.length ? items.join(", ") : "none");

/** The translation must use the English's {{placeholders}} and $t(…) nestings, no more and no fewer. */
export function placeholderProblem(string: TargetString, text: string): string | undefined {
  const ignored = countMayBeLeftOut(string) ? ["count"] : [];
  const wanted = placeholders(string.source).filter((p) => !ignored.includes(p));
  const found = placeholders(text).filter((p) => !ignored.includes(p));
  if (wanted.join() !== found.join()) {
    return `placeholders differ from the English: it has ${list(wanted.map((p) => `{{${p}}}`))}, the translation ${list(found.map((p) => `{{${p}}}`))}`;
  }
  const wantedNested = nestedKeys(string.source);
  const foundNested = nestedKeys(text);
  if (wantedNested.join() !== foundNested.join()) {
    return `nested texts differ from the English: it has ${list(wantedNested.map((k) => `$t(${k})`))}, the translation ${list(foundNested.map((k) => `$t(${k})`))}`;
  }
  return undefined;
}
