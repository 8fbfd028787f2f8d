// Each language's review state in numbers, and the Markdown table `npm run i18n:status` prints.
import { languageLabel } from "./languages.ts";
import { readReviewState, statusOf } from "./review-state.ts";
import { targetStrings } from "./target-strings.ts";

export type LanguageSummary = { lang: string; total: number; translated: number; reviewed: number; needsReview: number; missing: number };

export function summariseLanguage(localesDir: string, lang: string): LanguageSummary {
  const reviewed = readReviewState(localesDir)[lang];
  const statuses = targetStrings(localesDir, lang).map((s) => statusOf(s, reviewed));
  const count = (...wanted: string[]) => statuses.filter((s) => wanted.includes(s)).length;
  return {
    lang,
    total: statuses.length,
    translated: statuses.length - count("missing"),
    reviewed: count("reviewed"),
    needsReview: count("needs review", "changed"),
    missing: count("missing"),
  };
}

export function statusTable(summaries: readonly LanguageSummary[]): string {
  const rows = summaries.map((s) => `| ${languageLabel(s.lang)} | ${s.total} | ${s.translated} | ${s.reviewed} | ${s.needsReview} | ${s.missing} |`);
  return ["| Language | Strings | Translated | Reviewed by a native speaker | Needs review | Missing |", "| --- | ---: | ---: | ---: | ---: | ---: |", ...rows].join("\n");
}
