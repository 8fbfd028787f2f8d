// Plural keys as i18next reads them: "key_<category>", the category chosen by CLDR's rules for the
// language (Intl.PluralRules). i18next also uses "key_zero" for a count of 0 in any language.

export const PLURAL_CATEGORIES = ["zero", "one", "two", "few", "many", "other"] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** The forms a language's plural keys need, in the usual order (zero, one, two, few, many, other). */
export function pluralCategories(lang: string): PluralCategory[] {
  const used = new Set<string>(new Intl.PluralRules(lang).resolvedOptions().pluralCategories);
  return PLURAL_CATEGORIES.filter((c) => used.has(c));
}

/** "tasks.all_one" → base "tasks.all", category "one"; undefined when the key ends in no category. */
export function splitPluralKey(key: string): { base: string; category: PluralCategory } | undefined {
  const match = /^(.+)_(zero|one|two|few|many|other)$/.exec(key);
  return match ? { base: match[1], category: match[2] as PluralCategory } : undefined;
}

/** The first whole numbers (up to 1,000) for which the language picks this form: what a translator reads as "used for 2, 3, 4, 22…". */
export function numbersFor(lang: string, category: PluralCategory, limit: number): number[] {
  const rules = new Intl.PluralRules(lang);
  const found: number[] = [];
  for (let n = 0; n <= 1000 && found.length < limit; n++) if (rules.select(n) === category) found.push(n);
  return found;
}
