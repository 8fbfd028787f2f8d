// Checks a returned file against English before anything is written: its languages, that every key
// is one the language needs, that placeholders match the English, and that each plural key ends up
// with exactly the language's CLDR forms. Every problem is named by its key.
import { splitPluralKey } from "../plurals.ts";
import { placeholderProblem } from "./checks.ts";
import type { Incoming } from "./exchange.ts";
import { languageName, SOURCE_LANGUAGE, TARGET_LANGUAGES, targetLanguageOf } from "./languages.ts";
import { targetStrings, type TargetString } from "./target-strings.ts";

export type Accepted = {
  string: TargetString;
  text: string;
  /** The English a reviewer approved this text against, when the file or the command marks it reviewed. */
  reviewedAgainst?: string;
};

export type Checked = { lang?: string; strings: TargetString[]; accepted: Accepted[]; problems: string[] };

function languageProblems(incoming: Incoming): string[] {
  const problems: string[] = [];
  if (incoming.sourceLang !== SOURCE_LANGUAGE) problems.push(`The file's source language is "${incoming.sourceLang ?? ""}", not "${SOURCE_LANGUAGE}".`);
  if (!incoming.lang) problems.push("The file names no target language (XLIFF's trgLang, or the CSV's third column).");
  else if (!targetLanguageOf(incoming.lang)) problems.push(`The file's target language "${incoming.lang}" is not a known locale (known: ${TARGET_LANGUAGES.join(", ")}).`);
  return problems;
}

function unknownKeyProblem(id: string, lang: string, strings: TargetString[]): string {
  const [namespace, key] = [id.slice(0, id.indexOf(":")), id.slice(id.indexOf(":") + 1)];
  const plural = splitPluralKey(key);
  const forms = plural ? strings.filter((s) => s.namespace === namespace && s.plural?.base === plural.base).map((s) => s.plural!.category) : [];
  if (forms.length) return `${id}: ${languageName(lang)} has no plural form "${plural!.category}" (this key's forms: ${forms.join(", ")})`;
  return `${id}: unknown key (English has no such string)`;
}

/** A plural key is either left alone or has every form the language needs, counting those already translated. */
function pluralProblems(lang: string, strings: TargetString[], accepted: Accepted[]): string[] {
  const translated = new Set([...strings.filter((s) => s.current).map((s) => s.id), ...accepted.map((a) => a.string.id)]);
  const touched = new Set(accepted.filter((a) => a.string.plural).map((a) => `${a.string.namespace}:${a.string.plural!.base}`));
  return [...touched].flatMap((group) => {
    const forms = strings.filter((s) => s.plural && `${s.namespace}:${s.plural.base}` === group);
    const missing = forms.filter((s) => !translated.has(s.id)).map((s) => s.plural!.category);
    const needed = forms.map((s) => s.plural!.category).join(", ");
    return missing.length ? [`${group}: ${languageName(lang)} needs the plural forms ${needed}; missing ${missing.join(", ")}`] : [];
  });
}

export function checkReturned(localesDir: string, incoming: Incoming, markAllReviewed: boolean): Checked {
  // A file that could not be read at all (not XML, not XLIFF 2.0, no CSV header) has only that to say.
  if (incoming.lang === undefined && incoming.sourceLang === undefined && incoming.problems.length) return { strings: [], accepted: [], problems: incoming.problems };
  const problems = [...incoming.problems, ...languageProblems(incoming)];
  const lang = targetLanguageOf(incoming.lang ?? "");
  if (!lang) return { strings: [], accepted: [], problems };
  const strings = targetStrings(localesDir, lang);
  const byId = new Map(strings.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const accepted: Accepted[] = [];
  for (const unit of incoming.units) {
    const string = byId.get(unit.id);
    if (seen.has(unit.id)) problems.push(`${unit.id}: appears more than once in the file`);
    else if (!string) problems.push(unknownKeyProblem(unit.id, lang, strings));
    else if (unit.target) {
      const problem = placeholderProblem(string, unit.target);
      if (problem) problems.push(`${unit.id}: ${problem}`);
      const reviewed = markAllReviewed || unit.reviewed;
      accepted.push({ string, text: unit.target, ...(reviewed && { reviewedAgainst: unit.source || string.source }) });
    }
    seen.add(unit.id);
  }
  return { lang, strings, accepted, problems: [...problems, ...pluralProblems(lang, strings, accepted)] };
}
