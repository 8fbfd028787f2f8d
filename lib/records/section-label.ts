import type { EntryType, SectionNature, SectionSource } from "../db/generated/enums.ts";

// What each part of an entry is, in words a child understands, for the entry page and the PDF
// copy alike. A label is a whole sentence chosen by what the part is (its nature), who it comes
// from (the worker or someone else) and what kind of writing the entry is (a visit note, a
// letter, a report...). Who "someone else" is goes on a line of its own ("Told by: …"), never
// into the sentence: sources are free text from the council ("A neighbour (name withheld…)"),
// and spliced into a sentence they read badly in English and break its grammar in Urdu.

/** The kinds of writing an entry can be, as its labels name them. */
type Writing = "worker" | "letter" | "report" | "plan" | "summary" | "events";

const WRITING: Record<EntryType, Writing> = {
  visit: "worker",
  contact: "worker",
  decision: "worker",
  assessment: "worker",
  review: "worker",
  note: "worker",
  letter: "letter",
  report: "report",
  plan: "plan",
  case_summary: "summary",
  chronology: "events",
};

export type SectionLabel = {
  /** A key in the "record" texts: a whole sentence with no placeholders. */
  key: string;
  /** Who told us, for a line of its own (the "sectionLabels.toldBy" text), when someone else did. */
  toldBy: string | null;
};

export function sectionLabel(section: { nature: SectionNature; source: SectionSource; sourceName: string | null }, type: EntryType): SectionLabel {
  // Someone's own words always say whose they are.
  if (section.nature === "own_words") return { key: "sectionLabels.ownWords", toldBy: section.sourceName?.trim() || null };
  const someoneElse = section.source === "third_party";
  const toldBy = someoneElse ? section.sourceName?.trim() || null : null;
  return { key: labelKey(section.nature, someoneElse, WRITING[type]), toldBy };
}

function labelKey(nature: SectionNature, someoneElse: boolean, writing: Writing): string {
  if (nature === "decision") return "sectionLabels.decision";
  if (someoneElse) return `sectionLabels.someoneElse.${nature}`;
  if (nature === "fact") return `sectionLabels.fact.${writing}`;
  // Letters and reports may be written by someone who is not the child's worker.
  const who = writing === "letter" || writing === "report" ? "writer" : "worker";
  return `sectionLabels.${nature}.${who}`;
}
