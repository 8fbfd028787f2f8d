// Which translations a native speaker has reviewed, kept in one committed file,
// locales/review-state.json: per language, per string id, a hash of the English the reviewer
// saw. A translation is "reviewed" while that hash matches today's English; when English changes
// it needs review again. A translation with no entry was written by us (developers or AI) and
// needs a native speaker's review.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { writeJsonFile } from "./locale-files.ts";
import type { TargetString } from "./target-strings.ts";

export type ReviewState = Record<string, Record<string, string>>;

export const reviewStateFile = (localesDir: string) => path.join(localesDir, "review-state.json");

export const sourceHash = (english: string) => createHash("sha256").update(english).digest("hex").slice(0, 16);

export function readReviewState(localesDir: string): ReviewState {
  const file = reviewStateFile(localesDir);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as ReviewState) : {};
}

/** Languages and ids sorted, so a change shows in a diff as the lines it touches. */
export function writeReviewState(localesDir: string, state: ReviewState): void {
  const sorted = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeJsonFile(reviewStateFile(localesDir), Object.fromEntries(Object.keys(state).sort().map((lang) => [lang, sorted(state[lang])])));
}

export type Status = "missing" | "changed" | "needs review" | "reviewed";
export const STATUSES: readonly Status[] = ["missing", "changed", "needs review", "reviewed"];

/** "changed": reviewed once, but English has changed since. */
export function statusOf(string: TargetString, reviewed: Record<string, string> | undefined): Status {
  if (!string.current) return "missing";
  const hash = reviewed?.[string.id];
  if (hash === undefined) return "needs review";
  return hash === sourceHash(string.source) ? "reviewed" : "changed";
}
