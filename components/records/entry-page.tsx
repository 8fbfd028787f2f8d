import Link from "next/link";
import { maySendContribution } from "@/lib/access";
import { formatDateTime, isoDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { findGlossaryTerms } from "@/lib/records/glossary";
import type { loadEntry } from "@/lib/records/loaders";
import { DecisionDetails, VisitDetails } from "./entry-details";
import { EntryFiles } from "./entry-files";
import { EntrySections } from "./entry-sections";
import { Alert } from "../ui/alert";
import { RecordNav } from "./record-nav";
import { ReleaseBox } from "./release-box";
import { TranslationBox } from "./translation-box";
import { Disagreements, EarlierVersions } from "./entry-history";
import { WordsExplained } from "./words-explained";
import { StaffEntryPanel } from "../staff/staff-entry-panel";

type View = Awaited<ReturnType<typeof loadEntry>>;
type Readable = Extract<View["entry"], { kind: "readable" }>;

export async function EntryPage({ view }: { view: View }) {
  const [t, tc, tk, ts] = await Promise.all([getT("record"), getT("contributions"), getT("corrections"), getT("staff")]);
  const { actor, record, locale, entry } = view;
  // Those who send their views ask for corrections too: the child, family and advocate.
  const mayAsk = maySendContribution(actor);
  const back = <RecordNav actor={actor} record={record} />;
  if (entry.kind === "waiting") {
    return (
      <div className="stack">
        {back}
        <h1>{t("entry.waitingTitle")}</h1>
        <p>{t("entry.waitingBody")}</p>
      </div>
    );
  }
  // The text's own language: a translation is in the reader's, the original in English.
  const textLang = entry.translation && !entry.translation.showingOriginal ? entry.translation.locale : "en";
  return (
    <article className="stack entry">
      {back}
      {view.actionFailed ? <Alert kind="error">{await getErrorText()}</Alert> : null}
      {view.done ? <Alert kind="info">{ts(`done.${view.done}`)}</Alert> : null}
      <p className="entry-meta">
        <span className="tag">{t(`types.${entry.type}`)}</span>
      </p>
      {/* Plain text: terms in the title are explained with the body's, under "Words in this entry". */}
      <h1 lang={textLang} dir="auto">{entry.title}</h1>
      {entry.status === "historical" ? <HistoricalNotice entry={entry} childId={record.id} /> : null}
      {entry.replaces ? (
        <p>
          <Link href={paths.entry(record.id, entry.replaces.id)} prefetch={false}>{t("entry.replaces", { title: entry.replaces.title })}</Link>
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("entry.happened")}</dt>
        <dd><time dateTime={isoDateTime(entry.occurredAt)}>{formatDateTime(entry.occurredAt, locale)}</time></dd>
        <dt>{t("entry.written")}</dt>
        <dd>
          <time dateTime={isoDateTime(entry.recordedAt)}>{formatDateTime(entry.recordedAt, locale)}</time>
          {entry.lateByDays !== null ? <strong className="late"> {t("entry.lateEntry", { count: entry.lateByDays })}</strong> : null}
        </dd>
        <dt>{t("entry.writtenBy")}</dt>
        <dd><Person name={entry.author.name} role={entry.author.role} /></dd>
        {entry.originator ? (
          <>
            <dt>{t("entry.infoFrom")}</dt>
            <dd><Person name={entry.originator.name} role={entry.originator.role} /></dd>
          </>
        ) : null}
      </dl>
      {entry.readWithWorker ? <ReleaseBox childId={record.id} entryId={entry.id} releasedAt={entry.readWithWorker.releasedAt} locale={locale} /> : null}
      <TranslationBox view={view} entry={entry} />
      <EntrySections sections={entry.sections} type={entry.type} lang={textLang} askHref={mayAsk ? (part) => paths.newCorrection(record.id, entry.id, part) : undefined} />
      <Disagreements entry={entry} locale={locale} />
      {entry.decision ? <DecisionDetails decision={entry.decision} /> : null}
      {entry.visit ? <VisitDetails visit={entry.visit} /> : null}
      {entry.belongsToChild ? <p>{t(`byReader.belongsToChild.${view.reader}`, { name: record.name })}</p> : null}
      <EntryFiles childId={record.id} entry={entry} locale={locale} />
      {mayAsk ? (
        <p className="button-row">
          <Link href={paths.newContribution(record.id, { about: entry.id })} className="button button-secondary" prefetch={false}>{tc("sayAboutThis")}</Link>
          <Link href={paths.newCorrection(record.id, entry.id)} className="button button-secondary" prefetch={false}>{tk("ask")}</Link>
        </p>
      ) : null}
      {view.staff ? <StaffEntryPanel facts={view.staff} childId={record.id} entryId={entry.id} locale={locale} /> : null}
      <EarlierVersions entry={entry} locale={locale} />
      <WordsExplained termIds={termsIn(entry)} />
    </article>
  );
}

async function HistoricalNotice({ entry, childId }: { entry: Readable; childId: string }) {
  const t = await getT("record");
  return (
    <div className="alert" role="note">
      <p>{t("entry.historical")}</p>
      {entry.replacedBy ? (
        <p>
          <Link href={paths.entry(childId, entry.replacedBy.id)} prefetch={false}>{t("entry.replacedBy", { title: entry.replacedBy.title })}</Link>
        </p>
      ) : null}
    </div>
  );
}

function termsIn(entry: Readable) {
  const texts = [entry.title, ...entry.sections.map((s) => s.text)];
  if (entry.decision) texts.push(...Object.values(entry.decision).filter((v): v is string => typeof v === "string"));
  if (entry.visit) texts.push(entry.visit.venue, entry.visit.purpose ?? "", entry.visit.notAloneReason ?? "");
  return findGlossaryTerms(texts);
}

async function getErrorText() {
  return (await getT("errors"))("unexpected");
}

// Names and roles come from the council's records in English, so "Jasmine Patel (Social worker)"
// is one left-to-right phrase, marked as English (WCAG 3.1.2) and isolated from the page's own
// direction: on an Urdu page it would otherwise be laid out as "(Social worker) Jasmine Patel".
function Person({ name, role }: { name: string; role: string | null }) {
  return (
    <bdi lang="en" dir="ltr" className="person">
      {name}
      {role ? <>{" ("}{role}{")"}</> : null}
    </bdi>
  );
}
