// What a translator is told about a string besides its English: where it lives, which plural form
// it is and when the language uses that form, and which placeholders must stay as written.
import { nestedKeys, placeholders } from "../keys.ts";
import { numbersFor, pluralCategories, type PluralCategory } from "../plurals.ts";
import { languageName } from "./languages.ts";
import type { TargetString } from "./target-strings.ts";

/** A form English has not got may drop {{count}}: i18next passes the number anyway, and a form such as Arabic's "two" is often said without it. */
export const countMayBeLeftOut = (string: TargetString) => string.plural !== undefined && string.plural.englishForm !== string.plural.category;

const numbersTexts = new Map<string, string>();

/** "2, 3, 4, 22…": the first whole numbers that pick the form, with "…" when there are more. */
function numbersText(lang: string, category: PluralCategory): string {
  const id = `${lang}_${category}`;
  if (!numbersTexts.has(id)) {
    const found = numbersFor(lang, category, 5);
    numbersTexts.set(id, `${found.slice(0, 4).join(", ")}${found.length > 4 ? "…" : ""}`);
  }
  return numbersTexts.get(id)!;
}

function pluralNote(string: TargetString, lang: string): string | undefined {
  if (!string.plural) return undefined;
  const { category, englishForm } = string.plural;
  const name = languageName(lang);
  const forms = pluralCategories(lang);
  const when = forms.includes(category) ? `${name} uses it for ${numbersText(lang, category)}` : "i18next uses it for 0 in every language";
  const english = englishForm === category ? "" : ` English has no "${category}" form: the English shown is its "${englishForm}" form.`;
  return `Plural form "${category}": ${when}; ${name}'s forms are ${forms.join(", ")}.${english}`;
}

function placeholderNote(string: TargetString): string | undefined {
  const names = [...new Set(placeholders(string.source))].map((p) => `{{${p}}}`);
  const nested = [...new Set(nestedKeys(string.source))].map((k) => `$t(${k})`);
  if (!names.length && !nested.length) return undefined;
  const optional = countMayBeLeftOut(string) && names.includes("{{count}}") ? " ({{count}} may be left out in this form)" : "";
  return `Keep exactly as written, untranslated: ${[...names, ...nested].join(", ")}${optional}.`;
}

export function contextOf(string: TargetString, lang: string): string {
  return [`${string.namespace}: ${string.key}.`, pluralNote(string, lang), placeholderNote(string)].filter(Boolean).join(" ");
}
