// `npm run i18n:export`: the strings of a language to translate or re-check (missing, English
// changed since review, never reviewed by a native speaker), or every string with `all`.
import { contextOf } from "./context.ts";
import { writeCsvFile } from "./csv-file.ts";
import type { Outgoing } from "./exchange.ts";
import { isTargetLanguage, TARGET_LANGUAGES } from "./languages.ts";
import { readReviewState, statusOf } from "./review-state.ts";
import { targetStrings } from "./target-strings.ts";
import { writeXliff } from "./xliff-write.ts";

export type ExportFormat = "xliff" | "csv";

export function stringsToExport(localesDir: string, lang: string, all = false): Outgoing {
  if (!isTargetLanguage(lang)) throw new Error(`"${lang}" is not a language to translate into: choose one of ${TARGET_LANGUAGES.join(", ")}`);
  const reviewed = readReviewState(localesDir)[lang];
  const units = targetStrings(localesDir, lang)
    .map((s) => ({ namespace: s.namespace, key: s.key, source: s.source, target: s.current, status: statusOf(s, reviewed), context: contextOf(s, lang) }))
    .filter((u) => all || u.status !== "reviewed");
  return { lang, units };
}

export function exportStrings(localesDir: string, lang: string, options: { format?: ExportFormat; all?: boolean } = {}): string {
  const outgoing = stringsToExport(localesDir, lang, options.all);
  return options.format === "csv" ? writeCsvFile(outgoing) : writeXliff(outgoing);
}
