// Every string a language needs, derived from English: English's keys in English's order, except
// that a plural key takes the target language's own forms (CLDR's categories), so Polish has
// one/few/many/other where English has one/other. A form English lacks translates English's "other".
import { flatten } from "../keys.ts";
import { pluralCategories, splitPluralKey, type PluralCategory } from "../plurals.ts";
import { SOURCE_LANGUAGE } from "./languages.ts";
import { namespacesIn, readNamespace } from "./locale-files.ts";

export type TargetString = {
  /** "namespace:key", how the kit names a string everywhere. */
  id: string;
  namespace: string;
  /** Key path in the language's file, plural suffix included. */
  key: string;
  /** The English it translates. */
  source: string;
  plural?: { base: string; category: PluralCategory; englishForm: PluralCategory };
  /** The text now in locales/<lang>/, if any. */
  current?: string;
};

export const stringId = (namespace: string, key: string) => `${namespace}:${key}`;

/** The forms a plural key needs in a language: its CLDR categories, and "zero" where English gives one (i18next uses it for 0 in any language). */
export function pluralFormsNeeded(lang: string, englishForms: ReadonlySet<string>): PluralCategory[] {
  const forms = pluralCategories(lang);
  return englishForms.has("zero") && !forms.includes("zero") ? ["zero", ...forms] : forms;
}

/** English's plural groups in one namespace: base key → the forms English has. A group is a base with an "_other" form. */
function pluralGroups(english: Map<string, string>): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const key of english.keys()) {
    const plural = splitPluralKey(key);
    if (plural && english.has(`${plural.base}_other`)) groups.set(plural.base, (groups.get(plural.base) ?? new Set()).add(plural.category));
  }
  return groups;
}

function namespaceStrings(localesDir: string, lang: string, namespace: string): TargetString[] {
  const english = flatten(readNamespace(localesDir, SOURCE_LANGUAGE, namespace));
  const translated = flatten(readNamespace(localesDir, lang, namespace));
  const groups = pluralGroups(english);
  const out: TargetString[] = [];
  const written = new Set<string>(); // plural groups already written, at their first form
  const make = (key: string, source: string, plural?: TargetString["plural"]): TargetString => ({
    id: stringId(namespace, key), namespace, key, source, ...(plural && { plural }), ...(translated.has(key) && { current: translated.get(key) }),
  });
  for (const [key, source] of english) {
    const plural = splitPluralKey(key);
    const forms = plural && groups.get(plural.base);
    if (!plural || !forms) {
      out.push(make(key, source));
      continue;
    }
    if (written.has(plural.base)) continue;
    written.add(plural.base);
    for (const category of pluralFormsNeeded(lang, forms)) {
      const englishForm = forms.has(category) ? category : "other";
      out.push(make(`${plural.base}_${category}`, english.get(`${plural.base}_${englishForm}`)!, { base: plural.base, category, englishForm }));
    }
  }
  return out;
}

/** Every string the language needs, namespace by namespace, with its English and its current translation. */
export function targetStrings(localesDir: string, lang: string): TargetString[] {
  return namespacesIn(localesDir).flatMap((namespace) => namespaceStrings(localesDir, lang, namespace));
}
