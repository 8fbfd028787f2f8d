import { getT } from "@/lib/i18n/server";
import type { DecisionDetails as Decision, VisitDetails as Visit } from "@/lib/records/entry-details";
import { GlossaryText } from "./glossary-text";

// Decision and visit details come from the council's system in English.
export async function DecisionDetails({ decision }: { decision: Decision }) {
  const t = await getT("record");
  const rows: [string, string | undefined][] = [
    ["decision.madeBy", decision.madeBy],
    ["decision.reasons", decision.reasons],
    ["decision.options", decision.optionsConsidered],
    ["decision.childView", decision.childView],
    ["decision.familyView", decision.familyView],
  ];
  return (
    <section aria-labelledby="decision-details" className="details-box">
      <h2 id="decision-details">{t("decision.title")}</h2>
      <dl className="facts">
        {rows.filter(([, v]) => v).map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd lang="en" dir="ltr"><GlossaryText text={value!} /></dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export async function VisitDetails({ visit }: { visit: Visit }) {
  const t = await getT("record");
  const yesNo = (v: boolean | undefined) => (v === undefined ? undefined : t(v ? "visit.yes" : "visit.no"));
  const english: [string, string | undefined][] = [
    ["visit.venue", visit.venue],
    ["visit.present", visit.present.join(", ")],
    ["visit.purpose", visit.purpose],
  ];
  const answers: [string, string | undefined][] = [
    ["visit.childSeen", yesNo(visit.childSeen)],
    ["visit.childSeenAlone", yesNo(visit.childSeenAlone)],
    ["visit.interpreter", yesNo(visit.interpreterUsed)],
  ];
  return (
    <section aria-labelledby="visit-details" className="details-box">
      <h2 id="visit-details">{t("visit.title")}</h2>
      <dl className="facts">
        {english.filter(([, v]) => v).map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd lang="en" dir="ltr"><GlossaryText text={value!} /></dd>
          </div>
        ))}
        {answers.filter(([, v]) => v).map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {visit.notAloneReason ? (
          <div>
            <dt>{t("visit.notAloneReason")}</dt>
            <dd lang="en" dir="ltr"><GlossaryText text={visit.notAloneReason} /></dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
