import Link from "next/link";
import { LOCALES } from "@/lib/i18n/config";
import { formatDate, formatDay, isolate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import type { RestrictionProposalView, StaffEntryFacts } from "@/lib/records/staff-entry";
import { askTranslatorAction } from "@/lib/translations/request-actions";
import { DecideRestrictionForm, ProposeRestrictionForm, ReviewRestrictionForm } from "./restriction-forms";

type Props = { facts: StaffEntryFacts; childId: string; entryId: string; locale: string };

// The entry as staff see it, under its text (issue 10): who can read it, why it is kept from the
// child and until when, what was asked and decided about that, its versions and translations.
// Staff words throughout ("the child"), never the child's "you".
export async function StaffEntryPanel({ facts, childId, entryId, locale }: Props) {
  const t = await getT("staff");
  const ids = { childId, entryId };
  const r = facts.restriction;
  return (
    <section className="stack staff-entry" aria-labelledby="staff-access">
      <h2 id="staff-access">{t("access.heading")}</h2>
      <WhoCanRead facts={facts} locale={locale} />
      {r ? (
        <div className="panel stack">
          <h3>{t("restriction.heading")}</h3>
          <dl className="facts">
            <dt>{t("restriction.reason")}</dt>
            <dd>{t(`restriction.reasons.${r.reason}`)}</dd>
            {r.note ? (<><dt>{t("restriction.note")}</dt><dd className="message-text" dir="auto">{r.note}</dd></>) : null}
            <dt>{t("restriction.decidedBy")}</dt>
            <dd><bdi>{r.decidedBy}</bdi></dd>
            <dt>{t("restriction.reviewBy")}</dt>
            <dd>
              {r.reviewDue ? formatDay(r.reviewDue, locale) : t("restriction.noReviewDate")}
              {r.overdue ? <> <strong className="tag tag-overdue">{t("restriction.overdue")}</strong></> : null}
            </dd>
          </dl>
          {r.lastReview ? <p className="hint">{t("restriction.lastReview", { name: isolate(r.lastReview.by), date: formatDate(r.lastReview.at, locale), note: r.lastReview.note })}</p> : null}
        </div>
      ) : null}
      {facts.waiting ? <Waiting proposal={facts.waiting} childId={childId} mayDecide={facts.mayDecide} version={facts.restrictionVersion} locale={locale} /> : null}
      {!facts.waiting && r && facts.mayDecide ? <ReviewRestrictionForm ids={ids} version={facts.restrictionVersion} /> : null}
      {!facts.waiting ? <ProposeRestrictionForm ids={ids} withChild={facts.withChild} manager={facts.mayDecide} /> : null}
      <History history={facts.history} locale={locale} />
      <Versions facts={facts} locale={locale} />
      <Translations facts={facts} childId={childId} entryId={entryId} locale={locale} />
    </section>
  );
}

async function WhoCanRead({ facts, locale }: { facts: StaffEntryFacts; locale: string }) {
  const t = await getT("staff");
  const rw = facts.readWithWorker;
  return (
    <dl className="facts">
      <dt>{t("access.child")}</dt>
      <dd>{facts.withChild ? t("access.yes") : <strong>{t("access.withheld")}</strong>}</dd>
      {rw && facts.withChild ? (
        <>
          <dt>{t("access.readWithWorker")}</dt>
          <dd>{rw.releasedAt ? t("access.readOn", { date: formatDate(rw.releasedAt, locale) }) : t("access.waitingToRead")}</dd>
        </>
      ) : null}
      <dt>{t("access.family")}</dt>
      <dd>{facts.withFamily ? t("access.yes") : t("access.no")}</dd>
      <dt>{t("access.excluded")}</dt>
      <dd>{facts.excluded.length ? <bdi lang="en">{facts.excluded.join(", ")}</bdi> : t("access.nobodyExcluded")}</dd>
    </dl>
  );
}

async function Waiting({ proposal, childId, mayDecide, version, locale }: { proposal: RestrictionProposalView; childId: string; mayDecide: boolean; version: number; locale: string }) {
  const t = await getT("staff");
  return (
    <div className="panel stack">
      <h3><strong className="tag tag-soon">{t("restriction.waitingHeading")}</strong></h3>
      <p>{t(`restriction.asked.${proposal.change}`, { name: isolate(proposal.by), date: formatDate(proposal.at, locale) })}</p>
      {proposal.reason ? <p>{t("restriction.askedReason", { reason: t(`restriction.reasons.${proposal.reason}`), date: proposal.reviewDue ? formatDay(proposal.reviewDue, locale) : "" })}</p> : null}
      <p className="message-text" dir="auto">{t("restriction.askedNote", { note: proposal.note })}</p>
      {mayDecide ? <DecideRestrictionForm childId={childId} proposalId={proposal.id} change={proposal.change} version={version} /> : null}
    </div>
  );
}

async function History({ history, locale }: { history: RestrictionProposalView[]; locale: string }) {
  if (history.length === 0) return null;
  const t = await getT("staff");
  return (
    <>
      <h3>{t("restriction.historyHeading")}</h3>
      <ul className="plain-list">
        {history.map((p) => (
          <li key={p.id}>
            {t(`restriction.historyItem.${p.change}`, { date: formatDate(p.at, locale), name: isolate(p.by) })}
            {p.decision ? <>. {t(`restriction.decisionItem.${p.decision.outcome}`, { date: formatDate(p.decision.at, locale), name: isolate(p.decision.by) })}</> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

async function Versions({ facts, locale }: { facts: StaffEntryFacts; locale: string }) {
  if (facts.versions.length === 0) return null;
  const t = await getT("staff");
  return (
    <>
      <h3>{t("versions.heading")}</h3>
      <ul className="plain-list">
        {facts.versions.map((v) => (
          <li key={v.version}>{t("versions.item", { version: v.version, date: formatDate(v.at, locale) })} ({t(VERSION_ORIGIN[v.origin])})</li>
        ))}
      </ul>
    </>
  );
}

// Each language: what readers see now, a translation waiting for its second person, or one sent
// back; the way to write or update one, or to send the entry to the translators.
async function Translations({ facts, childId, entryId, locale }: { facts: StaffEntryFacts; childId: string; entryId: string; locale: string }) {
  const [t, tc] = await Promise.all([getT("staff"), getT("common")]);
  const language = (l: string) => tc(`language.${l}`, { defaultValue: l });
  return (
    <>
      <h3>{t("translations.heading")}</h3>
      {facts.translations.length === 0 ? <p>{t("translations.none")}</p> : (
        <ul className="plain-list">
          {facts.translations.map((tr) => (
            <li key={tr.locale}>
              {t("translations.item", { language: language(tr.locale), by: isolate(tr.translatedBy), date: formatDate(tr.at, locale) })}
              {", "}{tr.checkedBy ? t("translations.checkedBy", { by: isolate(tr.checkedBy) }) : t("translations.notChecked")}
            </li>
          ))}
        </ul>
      )}
      {TRANSLATED_LOCALES.map((l) => {
        const latest = facts.drafts.find((d) => d.locale === l);
        const waiting = latest && !latest.check ? latest : null;
        return (
          <div key={l} className="stack">
            {waiting ? (
              <div className="panel stack">
                <p><strong className="tag tag-soon">{t("translations.waiting", { language: language(l) })}</strong></p>
                <p>{t("translations.waitingLine", { by: isolate(waiting.translatedBy), sender: isolate(waiting.by), date: formatDate(waiting.at, locale) })}</p>
                {waiting.mine ? <p className="hint">{t("translations.notYours")}</p> : (
                  <p><Link href={paths.translationCheck(childId, entryId, waiting.id)} className="button button-secondary" prefetch={false}>{t("translations.check", { language: language(l) })}</Link></p>
                )}
              </div>
            ) : (
              <>
                {latest?.check?.outcome === "returned" ? (
                  <p className="message-text" dir="auto">{t("translations.returned", { by: isolate(latest.check.by), date: formatDate(latest.check.at, locale), note: latest.check.note })}</p>
                ) : null}
                <p>
                  <Link href={paths.translate(childId, entryId, l)} prefetch={false}>
                    {t(facts.translations.some((x) => x.locale === l) ? "translations.update" : "translations.add", { language: language(l) })}
                  </Link>
                </p>
                {facts.translations.some((x) => x.locale === l) ? null : facts.asked.includes(l) ? (
                  <p className="hint">{t("translations.asked", { language: language(l) })}</p>
                ) : facts.mayAskTranslator ? (
                  <form action={askTranslatorAction}>
                    <input type="hidden" name="childId" value={childId} />
                    <input type="hidden" name="entryId" value={entryId} />
                    <input type="hidden" name="locale" value={l} />
                    <button type="submit" className="button button-secondary">{t("translations.ask", { language: language(l) })}</button>
                  </form>
                ) : null}
              </>
            )}
          </div>
        );
      })}
    </>
  );
}

const VERSION_ORIGIN = { import: "versions.fromImport", written: "versions.writtenInPortal", changed: "versions.fromPortal" } as const;
const TRANSLATED_LOCALES = LOCALES.filter((l) => l !== "en");
