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
        <EnglishFacts rows={rows} label={t} />
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
        <EnglishFacts rows={english} label={t} />
        {answers.filter(([, v]) => v).map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <EnglishFacts rows={[["visit.notAloneReason", visit.notAloneReason]]} label={t} />
      </dl>
    </section>
  );
}

// Labelled facts whose values are the council's English text, with glossary terms linked;
// rows without a value are left out.
function EnglishFacts({ rows, label }: { rows: [string, string | undefined][]; label: (key: string) => string }) {
  return rows
    .filter((row): row is [string, string] => Boolean(row[1]))
    .map(([key, value]) => (
      <div key={key}>
        <dt>{label(key)}</dt>
        <dd lang="en" dir="ltr">
          <GlossaryText text={value} />
        </dd>
      </div>
    ));
}
