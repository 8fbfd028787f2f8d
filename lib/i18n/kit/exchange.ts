// What goes out to translators and what comes back, whatever the file format.
import type { Status } from "./review-state.ts";

export type OutgoingUnit = { namespace: string; key: string; source: string; target?: string; status: Status; context: string };
export type Outgoing = { lang: string; units: OutgoingUnit[] };

export type IncomingUnit = {
  /** "namespace:key" */
  id: string;
  /** The English the translator saw, when the file carries it. */
  source?: string;
  /** Absent or empty: not translated, nothing to import. */
  target?: string;
  /** Marked reviewed in the file: XLIFF state="final", or CSV status "reviewed". */
  reviewed: boolean;
};

/** A returned file as read; `problems` are those of the file itself (its form, its languages). */
export type Incoming = { lang?: string; sourceLang?: string; units: IncomingUnit[]; problems: string[] };

/** What XLIFF 2.0's segment state says for each status: "final" only once a native speaker has reviewed it. */
export const XLIFF_STATE = { missing: "initial", changed: "translated", "needs review": "translated", reviewed: "final" } as const;

export const STATUS_NOTE = {
  missing: "Not translated yet.",
  changed: "The English has changed since this translation was reviewed: check it against the English.",
  "needs review": "Translated by the developers, not yet reviewed by a native speaker.",
  reviewed: "Reviewed by a native speaker.",
} as const;
