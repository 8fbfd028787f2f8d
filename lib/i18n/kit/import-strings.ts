// `npm run i18n:import`: a returned XLIFF 2.0 or CSV file into locales/<lang>/*.json, all or
// nothing. A text that changes is marked as needing a native speaker's review, unless the file
// (state="final", status "reviewed") or the command (--reviewed) says a native speaker reviewed it.
import { checkReturned, type Accepted } from "./check-returned.ts";
import { readCsvFile } from "./csv-file.ts";
import type { Incoming } from "./exchange.ts";
import { readNamespace, writeNamespace } from "./locale-files.ts";
import { readReviewState, sourceHash, writeReviewState } from "./review-state.ts";
import { setTexts } from "./set-texts.ts";
import type { TargetString } from "./target-strings.ts";
import { readXliff } from "./xliff-read.ts";

export type ImportReport =
  | { ok: false; problems: string[] }
  | { ok: true; lang: string; read: number; changed: number; reviewed: number; namespacesWritten: string[] };

/** XLIFF when the file starts with markup, CSV otherwise. */
export const readReturned = (text: string): Incoming => (/^\uFEFF?\s*</.test(text) ? readXliff(text) : readCsvFile(text));

function writeTexts(localesDir: string, lang: string, strings: TargetString[], changed: Accepted[]): string[] {
  const namespaces = [...new Set(changed.map((a) => a.string.namespace))];
  for (const namespace of namespaces) {
    const order = strings.filter((s) => s.namespace === namespace).map((s) => s.key);
    const texts = new Map(changed.filter((a) => a.string.namespace === namespace).map((a) => [a.string.key, a.text]));
    writeNamespace(localesDir, lang, namespace, setTexts(readNamespace(localesDir, lang, namespace), texts, order));
  }
  return namespaces;
}

/** Reviewed texts get the hash of the English they were reviewed against; a changed, unreviewed text loses its mark. */
function updateReviewState(localesDir: string, lang: string, accepted: Accepted[]): void {
  const state = readReviewState(localesDir);
  const marks = { ...state[lang] };
  for (const { string, text, reviewedAgainst } of accepted) {
    if (reviewedAgainst !== undefined) marks[string.id] = sourceHash(reviewedAgainst);
    else if (text !== string.current) delete marks[string.id];
  }
  if (JSON.stringify(marks) !== JSON.stringify({ ...state[lang] })) writeReviewState(localesDir, { ...state, [lang]: marks });
}

export function importStrings(localesDir: string, fileText: string, options: { reviewed?: boolean } = {}): ImportReport {
  const { lang, strings, accepted, problems } = checkReturned(localesDir, readReturned(fileText), options.reviewed ?? false);
  if (problems.length || !lang) return { ok: false, problems };
  const changed = accepted.filter((a) => a.text !== a.string.current);
  const namespacesWritten = writeTexts(localesDir, lang, strings, changed);
  updateReviewState(localesDir, lang, accepted);
  return { ok: true, lang, read: accepted.length, changed: changed.length, reviewed: accepted.filter((a) => a.reviewedAgainst !== undefined).length, namespacesWritten };
}
