import { describe, expect, it } from "vitest";
import { ROLE_OPTIONS } from "../../lib/admin/forms.ts";
import { PERIODS } from "../../lib/records/chronology-filter.ts";
import { RESTRICTION_REASONS } from "../../lib/restrictions/form.ts";
import { CONTRIBUTION_KINDS, STATUS_STEPS } from "../../lib/contributions/rules.ts";
import { LAWFUL_BASES, RECIPIENTS, SHARED_WHAT } from "../../lib/consent/form.ts";
import {
  ConsentBasis, ContributionKind, ContributionStatus, EntryType, OriginalWhereabouts, Relationship, RequestEventKind,
  RequestOutcome, RestrictionChange, RestrictionOutcome, Role,
} from "../../lib/db/generated/enums.ts";
import { LOCALES } from "../../lib/i18n/config.ts";
import { flatten, placeholders, type Tree } from "../../lib/i18n/keys.ts";
import { resources } from "../../lib/i18n/resources.ts";
import { NOTIFICATION_KINDS } from "../../lib/notifications/kinds.ts";
import { NEWS_KIND_NAMES } from "../../lib/news/kinds.ts";
import { TASK_KINDS } from "../../lib/tasks/find-tasks.ts";
import { MESSAGE_KINDS } from "../../lib/contributions/thread.ts";
import { findKeyUses, sourceFiles, type KeyUse } from "../helpers/translation-keys.ts";

// Every key the code asks for exists in every language, with the same {{placeholders}}: a key
// missing from a locale shows on the page as the raw key ("create.roleHint.translator").

const READERS = ["child", "family", "staff"] as const; // lib/access/reader.ts Reader
const ENTRY_DONE = ["proposed", "withheld", "lifted", "decided", "reviewed", "translationSent", "translationApproved", "translationReturned"]; // lib/paths.ts EntryDone
const SCANNING_WARNINGS = ["off", "embedded", "missing"]; // lib/uploads/scanner.ts ScanningWarning
const SUMMARY_AGES = ["old", "soon", "none"]; // lib/tasks/find-tasks.ts, a case-summary task's title
const byReader = (ns: string, ...keys: string[]) => keys.map((k) => [`${ns}:${k}.*`, READERS] as const);

/** Keys built from a template, and every value the ${…} can take. */
const ENUMERATED: Record<string, readonly string[]> = Object.fromEntries([
  ["common:roles.*", Object.values(Role)],
  ["admin:create.roleHint.*", ROLE_OPTIONS],
  ["admin:relationship.*", Object.values(Relationship)],
  ["common:language.*", LOCALES],
  ["record:types.*", Object.values(EntryType)],
  ["record:periods.*", PERIODS],
  ["staff:restriction.reasons.*", RESTRICTION_REASONS],
  ["staff:restriction.outcomes.*", Object.values(RestrictionOutcome)],
  ["staff:restriction.decisionItem.*", Object.values(RestrictionOutcome)],
  ["staff:restriction.asked.*", Object.values(RestrictionChange)],
  ["staff:restriction.historyItem.*", Object.values(RestrictionChange)],
  ["staff:done.*", ENTRY_DONE],
  ["contributions:kinds.*", Object.values(ContributionKind)],
  ["contributions:kindHints.*", CONTRIBUTION_KINDS],
  ["contributions:status.*", Object.values(ContributionStatus)],
  ["contributions:detail.steps.*", STATUS_STEPS],
  ["contributions:staff.whereabouts.*", Object.values(OriginalWhereabouts)],
  ["contributions:thread.by.*", MESSAGE_KINDS],
  ["contributions:thread.byMe.*", MESSAGE_KINDS],
  ["consent:recipients.*", RECIPIENTS],
  ["consent:log.basis.*", LAWFUL_BASES],
  ["consent:log.what.*", SHARED_WHAT],
  ["consent:share.what.*", SHARED_WHAT],
  ["consent:topic.basis.*", Object.values(ConsentBasis)],
  ["corrections:outcome.*", Object.values(RequestOutcome)],
  ["corrections:events.*", Object.values(RequestEventKind).map((k) => k.replaceAll("_", "-"))],
  ["home:tasks.kind.*", TASK_KINDS],
  ["home:tasks.count.*", TASK_KINDS],
  ["email:what.*", NOTIFICATION_KINDS],
  ["news:kind.*.you", NEWS_KIND_NAMES],
  ["news:kind.*.name", NEWS_KIND_NAMES],
  ["admin:home.scanning.*", SCANNING_WARNINGS],
  ["home:tasks.summaryTitle.*", SUMMARY_AGES],
  ["advocate:choose.allChosen.*", ["child", "staff"]],
  ["advocate:choose.empty.*", ["child", "staff"]],
  ["contributions:detail.withdrawConfirmText.*", ["child", "family"]],
  ...byReader("consent", "page.title", "page.intro"),
  ...byReader("contributions", "list.title", "list.intro", "things.title", "things.intro", "things.inRecord"),
  ...byReader("corrections", "detail.entriesHidden", "detail.someEntriesHidden", "detail.cannotAddView"),
  ...byReader("record", ...["recordTitle", "backToRecord", "choicesLabel", "moreChoices", "entriesHeading", "thingsTitle", "thingsIntro", "belongsToChild", "chronologyIntro", "latestSummaryHint", "withheldIntro", "withheldAsk"].map((k) => `byReader.${k}`)),
]);

/**
 * Built from values no list in the code names (a code in a URL, a key handed over by another
 * module): each must at least match keys in every language. Add a new template to ENUMERATED
 * when its values can be listed.
 */
const OPEN = new Set([
  "account:password.*", "admin:account.done.*", "admin:advocates.done.*", "admin:allocations.done.*", "admin:home.*", "admin:home.*Text",
  "admin:imports.kind.*", "admin:nav.*", "advocate:can.*", "advocate:choose.heading.*", "advocate:choose.hint.*", "advocate:choose.submit.*",
  "advocate:done.*", "advocate:intro.*", "advocate:none.*", "advocate:past.how.*", "advocate:title.*", "consent:page.done.*", "consent:share.glance.*",
  "consent:topic.*", "contributions:*", "contributions:detail.readers.*", "contributions:form.*", "corrections:detail.done.*",
  "corrections:errors.extension.*", "files:kinds.*", "glossary:terms.*.meaning", "glossary:terms.*.term", "home:*.intro", "home:*.none",
  "home:*.recordsHeading", "home:*.title", "record:*", "record:accessLog.family.*", "record:accessLog.parts.*", "record:byReader.*.*",
  "record:withheld.reasons.*", "security:*", "security:*.intro", "security:*.title", "staff:restriction.*", "staff:restriction.proposeHeading.*",
]);

const texts = Object.fromEntries(LOCALES.map((l) => [l, Object.fromEntries(Object.entries(resources[l]).map(([ns, tree]) => [ns, new Map(flatten(tree as Tree))]))])) as Record<string, Record<string, Map<string, string>>>;
const namespaces = Object.keys(resources.en);

/** The texts i18next may pick for a key: itself, or its plural and context forms. */
function forms(locale: string, ns: string, key: string, suffixed: boolean): string[] {
  const map = texts[locale][ns];
  if (!map) return [];
  const own = map.get(key);
  if (own !== undefined) return [own];
  return suffixed ? [...map].filter(([k]) => k.startsWith(`${key}_`) && /^[a-z]+$/.test(k.slice(key.length + 1))).map(([, v]) => v) : [];
}

const uses = sourceFiles(["app", "components", "lib"]).flatMap((f) => findKeyUses(f, namespaces));
const where = (u: KeyUse) => `${u.file}:${u.line}`;
const wildcard = (u: KeyUse) => new RegExp(`^${u.parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".+")}(_[a-z]+)?$`);

/** A key is there when some namespace it may belong to has it in every language, with English's placeholders. */
function problemsWithKey(u: KeyUse, key: string): string[] {
  for (const ns of u.namespaces) {
    const en = forms("en", ns, key, u.suffixed);
    if (!en.length) continue;
    const problems = LOCALES.flatMap((l) => {
      const found = forms(l, ns, key, u.suffixed);
      if (!found.length) return [`${where(u)}: ${l}/${ns}:${key} is missing`];
      return found.length === en.length && found.every((f, i) => placeholders(f).join() === placeholders(en[i]).join()) ? [] : [`${where(u)}: ${l}/${ns}:${key} has other placeholders`];
    });
    return problems;
  }
  return [`${where(u)}: ${u.namespaces.length === 1 ? u.namespaces[0] : "?"}:${key} is missing`];
}

describe("translation keys used in the code", () => {
  const fixed = uses.filter((u) => u.holes.length === 0);
  const built = uses.filter((u) => u.holes.length > 0);

  it("are found in pages, components and lib", () => {
    expect(fixed.length).toBeGreaterThan(500);
    expect(built.length).toBeGreaterThan(50);
    expect(fixed.some((u) => u.namespaces.includes("admin") && u.parts[0] === "create.title")).toBe(true);
  });

  it("every fixed key exists in every language with the same placeholders", () => {
    expect(fixed.flatMap((u) => problemsWithKey(u, u.parts[0]))).toEqual([]);
  });

  it("every built key is resolved from its enumeration, or listed as open", () => {
    const problems: string[] = [];
    for (const u of built) {
      const matching = u.namespaces.filter((ns) => [...texts.en[ns].keys()].some((k) => wildcard(u).test(k)));
      const names = (matching.length ? matching : u.namespaces).map((ns) => `${ns}:${u.parts.join("*")}`);
      const enumerated = names.find((n) => n in ENUMERATED);
      if (enumerated) {
        for (const value of ENUMERATED[enumerated]) problems.push(...problemsWithKey({ ...u, namespaces: [enumerated.split(":")[0]] }, u.parts.join(value)));
      } else if (!names.some((n) => OPEN.has(n))) {
        problems.push(`${where(u)}: ${names[0]} (from ${u.holes.join(", ")}) is in neither ENUMERATED nor OPEN`);
      } else if (!matching.length || LOCALES.some((l) => !matching.some((ns) => [...texts[l][ns].keys()].some((k) => wildcard(u).test(k))))) {
        problems.push(`${where(u)}: no text matches ${names[0]} in every language`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("the lists above name only templates the code still builds", () => {
    const built = new Set(uses.filter((u) => u.holes.length).flatMap((u) => u.namespaces.map((ns) => `${ns}:${u.parts.join("*")}`)));
    expect([...Object.keys(ENUMERATED), ...OPEN].filter((n) => !built.has(n))).toEqual([]);
  });
});
