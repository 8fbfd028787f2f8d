// Plain words: the terms and acronyms a family meets in a record, and where they appear in an
// entry's (English) text. Pure functions; the words themselves live in locales/<lang>/glossary.json
// under `terms.<id>` (`term` as written, `meaning` in plain words).

// Not inside a word or number: "CP" never matches in "CPR" or "ICP", "s20" never in "s200".
const BEFORE = String.raw`(?<![\p{L}\p{N}_])`;
const AFTER = String.raw`(?![\p{L}\p{N}_])`;

/** An acronym, exactly as written (case-sensitive), optionally plural: "PEP", "PEPs". */
function acronym(letters: string): RegExp {
  return new RegExp(`${BEFORE}${letters}s?${AFTER}`, "gu");
}

/** Words in any case, any spacing; a space in the pattern also accepts a hyphen. */
function phrase(source: string): RegExp {
  const body = source
    .split(" ")
    .map((word) => word.replace(/[.,]/g, (c) => `\\${c}`))
    .join(String.raw`(?:\s+|\s*-\s*)`);
  return new RegExp(`${BEFORE}${body}${AFTER}`, "giu");
}

/** A section of the Children Act: "s.20", "s. 20", "s20", "S20", "sec. 20", "section 20", "Section 20". */
function section(n: number): RegExp {
  return new RegExp(String.raw`${BEFORE}(?:[sS]ection\s+|[sS]ec\.\s*|[sS]\.\s*|[sS])${n}${AFTER}`, "gu");
}

/**
 * Every glossary term, by stable id, with the patterns that find it in English record text.
 * Where two terms could match at the same place, the longer match wins ("initial child protection
 * conference" is ICPC, not CP). Everyday phrases that could mean something else are matched only in
 * their social-care sense: "Gran looked after her" is not a looked-after child.
 */
export const GLOSSARY_TERMS = [
  { id: "cp", match: [acronym("CP"), phrase("child protection")] },
  { id: "cin", match: [acronym("CIN"), phrase("child in need"), phrase("children in need")] },
  {
    id: "lac",
    match: [
      acronym("LAC"),
      new RegExp(String.raw`${BEFORE}looked\s*-\s*after${AFTER}`, "giu"),
      phrase("looked after child"),
      phrase("looked after children"),
      new RegExp(String.raw`${BEFORE}looked\s+after\s+by\s+(?:the\s+)?(?:local\s+authority|council)${AFTER}`, "giu"),
      // "is looked after", "being looked after", "remains looked after"; not "Gran looked after her".
      new RegExp(String.raw`(?<=${BEFORE}(?:is|are|being|been|become|becomes|became|remain|remains|remained)\s+)looked\s+after${AFTER}`, "giu"),
    ],
  },
  { id: "cla", match: [acronym("CLA"), phrase("child looked after"), phrase("children looked after")] },
  { id: "pr", match: [acronym("PR"), phrase("parental responsibility")] },
  { id: "pep", match: [acronym("PEP"), phrase("personal education plan"), phrase("personal education plans")] },
  {
    id: "ehcp",
    match: [acronym("EHCP"), new RegExp(String.raw`${BEFORE}EHC\s+[pP]lans?${AFTER}`, "gu"), new RegExp(String.raw`${BEFORE}education,?\s+health,?\s+and\s+care\s+plans?${AFTER}`, "giu")],
  },
  { id: "iro", match: [acronym("IRO"), phrase("independent reviewing officer"), phrase("independent reviewing officers")] },
  { id: "s20", match: [section(20)] },
  { id: "s47", match: [section(47)] },
  { id: "plo", match: [acronym("PLO"), phrase("public law outline")] },
  { id: "icpc", match: [acronym("ICPC"), phrase("initial child protection conference")] },
  { id: "rcpc", match: [acronym("RCPC"), phrase("review child protection conference")] },
  { id: "coreGroup", match: [phrase("core group"), phrase("core groups")] },
  { id: "strategyDiscussion", match: [phrase("strategy discussion"), phrase("strategy discussions"), phrase("strategy meeting"), phrase("strategy meetings")] },
  { id: "lado", match: [acronym("LADO"), phrase("local authority designated officer")] },
  { id: "careOrder", match: [phrase("care order"), phrase("care orders"), section(31)] },
  // Not "ICO": records about access requests use it for the Information Commissioner's Office.
  { id: "ico", match: [phrase("interim care order"), phrase("interim care orders")] },
  { id: "sgo", match: [acronym("SGO"), phrase("special guardianship order"), phrase("special guardianship orders"), phrase("special guardianship"), phrase("special guardian"), phrase("special guardians")] },
  { id: "kinshipCare", match: [phrase("kinship care"), phrase("kinship carer"), phrase("kinship carers")] },
  { id: "respite", match: [phrase("respite"), phrase("short break"), phrase("short breaks")] },
  { id: "familyTime", match: [phrase("family time")] },
  { id: "careLeaver", match: [phrase("care leaver"), phrase("care leavers")] },
  { id: "pathwayPlan", match: [phrase("pathway plan"), phrase("pathway plans")] },
  { id: "personalAdviser", match: [phrase("personal adviser"), phrase("personal advisers"), phrase("personal advisor"), phrase("personal advisors")] },
  { id: "camhs", match: [acronym("CAMHS")] },
  { id: "gillick", match: [phrase("Gillick competent"), phrase("Gillick competence"), new RegExp(String.raw`${BEFORE}Gillick${AFTER}`, "gu")] },
  { id: "sar", match: [acronym("SAR"), phrase("subject access request"), phrase("subject access requests")] },
] as const satisfies readonly { id: string; match: readonly RegExp[] }[];

export type GlossaryTermId = (typeof GLOSSARY_TERMS)[number]["id"];

/** A piece of text: plain, or a glossary term as written in the text. */
export type GlossaryPart = { text: string; termId?: undefined } | { text: string; termId: GlossaryTermId };

type Hit = { start: number; end: number; termId: GlossaryTermId };

/** Every term occurrence, leftmost first, longest first where they start together, none overlapping. */
function findHits(text: string): Hit[] {
  const all: Hit[] = [];
  for (const term of GLOSSARY_TERMS) {
    for (const pattern of term.match) {
      // matchAll works on a copy of the pattern, so the shared RegExp keeps no state between calls.
      for (const m of text.matchAll(pattern)) {
        if (m[0].length > 0) all.push({ start: m.index, end: m.index + m[0].length, termId: term.id });
      }
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: Hit[] = [];
  let covered = 0;
  for (const hit of all) {
    if (hit.start < covered) continue;
    hits.push(hit);
    covered = hit.end;
  }
  return hits;
}

/**
 * The text cut into plain parts and term parts, in order; joining every part's text gives back the
 * original exactly. Empty text gives no parts.
 */
export function splitGlossaryText(text: string): GlossaryPart[] {
  const parts: GlossaryPart[] = [];
  let at = 0;
  for (const hit of findHits(text)) {
    if (hit.start > at) parts.push({ text: text.slice(at, hit.start) });
    parts.push({ text: text.slice(hit.start, hit.end), termId: hit.termId });
    at = hit.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** The distinct terms in one text or several (in the order given), in order of first appearance. */
export function findGlossaryTerms(text: string | readonly string[]): GlossaryTermId[] {
  const found = new Set<GlossaryTermId>();
  for (const one of typeof text === "string" ? [text] : text) {
    for (const hit of findHits(one)) found.add(hit.termId);
  }
  return [...found];
}

/**
 * The element id an explanation carries, and a term link points to: "term-cp". A page showing
 * several entries' explanations gives each a scope so ids stay unique: "term-<scope>-cp".
 */
export function glossaryAnchorId(termId: GlossaryTermId, scope?: string): string {
  return scope ? `term-${scope}-${termId}` : `term-${termId}`;
}
