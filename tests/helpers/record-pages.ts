import type { Actor } from "../../lib/access/actor.ts";
import type { Db } from "../../lib/db/connect.ts";
import { systemClock } from "../../lib/clock.ts";
import { findChronology, findLatestCaseSummary } from "../../lib/records/chronology.ts";
import { findEntryForViewer } from "../../lib/records/entry.ts";
import { openRecord } from "../../lib/records/open-record.ts";
import { findThings } from "../../lib/records/things.ts";
import { hasRequestedTranslation } from "../../lib/translations/requests.ts";
import { summariseWithheld } from "../../lib/restrictions/withheld.ts";

// Each record page's database reads, as its loader does them (lib/records/loaders.ts), without
// the access-log insert. For looking at their plans: tests/integration/record-page-plans.test.ts
// and `npm run bench -- --explain`.
export function recordPages(db: Db, actor: Actor, childId: string, entryId: string): Record<string, () => Promise<unknown>> {
  return {
    chronology: () =>
      Promise.all([
        openRecord(db, actor, childId),
        findChronology({ db, actor, childId, locale: "en", query: {} }),
        findLatestCaseSummary({ db, actor, childId }),
      ]),
    "chronology, Urdu, visits only": () => findChronology({ db, actor, childId, locale: "ur", query: { type: "visit" } }),
    "chronology, Urdu, past entries": () => findChronology({ db, actor, childId, locale: "ur", query: { period: "historical" } }),
    "entry page": async () => {
      const entry = await findEntryForViewer({ db, actor, childId, entryId, locale: "ur" });
      if (entry.kind === "readable" && entry.untranslatedFor) await hasRequestedTranslation(db, actor, entry.id, "ur");
    },
    "withheld page": () => summariseWithheld({ db, clock: systemClock, actor, childId }),
    "my things": () => findThings({ db, actor, childId, locale: "ur" }),
  };
}
