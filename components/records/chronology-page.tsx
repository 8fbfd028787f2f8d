import Link from "next/link";
import { maySendContribution } from "@/lib/access";
import type { loadChronology } from "@/lib/records/loaders";
import { formatDate, isoDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { WhatsNew } from "../news/whats-new";
import { Icon } from "../ui/icon";
import { ChronologyFilters } from "./chronology-filters";
import { RecordChoices } from "./record-nav";

type View = Awaited<ReturnType<typeof loadChronology>>;

/** On the record's first screen, only what has not been opened yet: the home keeps the rest. */
// The newest unseen item only: however much is new, the record's choices stay on a phone's first
// screen (at 320 x 568 in Urdu too); the rest are one tap away on the home.
const NEWS_ON_RECORD = 1;

// The record's first screen, a phone's first: whose record, what is new in it, what to do, then the entries.
export async function ChronologyPage({ view }: { view: View }) {
  const [t, tc, tk] = await Promise.all([getT("record"), getT("contributions"), getT("corrections")]);
  const { actor, reader, record, locale, query, page, latestSummary, news } = view;
  const filtered = Boolean(query.type || query.period);
  const keep = { type: query.type, period: query.period };
  const unseen = news ? news.items.filter((i) => !i.seen) : [];
  return (
    <div className="stack">
      <h1>{t(`byReader.recordTitle.${reader}`, { name: record.name })}</h1>
      {unseen.length ? (
        <div className="stack record-news">
          <WhatsNew actor={actor} page={{ items: unseen.slice(0, NEWS_ON_RECORD), older: null }} locale={locale} labelled={false} compact />
          {unseen.length > NEWS_ON_RECORD ? <p><Link href={`${paths.home()}#whats-new`} prefetch={false}>{t("choices.allNews")}</Link></p> : null}
        </div>
      ) : null}
      <RecordChoices actor={actor} record={record} />
      {maySendContribution(actor) ? (
        <p>
          <Link href={paths.newContribution(record.id)} className="button button-icon" prefetch={false}>
            <Icon name="plus" />
            {tc("add")}
          </Link>
        </p>
      ) : null}
      <section className="stack" aria-labelledby="entries">
        <h2 id="entries">{t(`byReader.entriesHeading.${reader}`, { name: record.name })}</h2>
        <p>{t(`byReader.chronologyIntro.${reader}`, { name: record.name })}</p>
        {latestSummary ? (
          <p className="summary-link">
            <Link href={paths.entry(record.id, latestSummary.id)} prefetch={false}>
              {t("chronology.latestSummary", { date: formatDate(latestSummary.occurredAt, locale) })}
            </Link>
            <br />
            <span className="hint">{t(`byReader.latestSummaryHint.${reader}`, { name: record.name })}</span>
          </p>
        ) : null}
        <ChronologyFilters childId={record.id} query={query} />
        {page.items.length === 0 ? (
          <p>{t(filtered ? "chronology.emptyFiltered" : "chronology.empty")}</p>
        ) : (
          <ol className="entry-list">
            {page.items.map((item) => (
              <li key={item.id} className={`entry-card${item.status === "historical" ? " entry-historical" : ""}`}>
                <p className="entry-meta">
                  {item.type ? <span className="tag">{t(`types.${item.type}`)}</span> : null}
                  <time dateTime={isoDateTime(item.occurredAt)}>{formatDate(item.occurredAt, locale)}</time>
                  {item.status === "historical" ? <span className="tag tag-muted">{t("chronology.historical")}</span> : null}
                  {item.lateByDays !== null ? <span className="tag tag-muted">{t("chronology.lateEntry")}</span> : null}
                  {item.translated ? <span className="tag tag-muted">{t("chronology.translated")}</span> : null}
                  {item.disputed ? <span className="tag tag-soon">{tk("entry.disagreementMarker")}</span> : null}
                </p>
                {/* A plain link: 25 of them as client components would cost every page view. */}
                <a href={paths.entry(record.id, item.id)} className="entry-title">
                  {item.waiting ? t("chronology.waiting") : <span lang={item.translated ? locale : "en"} dir="auto">{item.title}</span>}
                </a>
                {item.waiting ? <p className="hint">{t("chronology.waitingHint")}</p> : null}
              </li>
            ))}
          </ol>
        )}
        {page.newer || page.older ? (
          <nav aria-label={t("chronology.pagination")} className="pager">
            {page.newer ? (
              <>
                <Link href={`${paths.record(record.id, keep)}#entries`} prefetch={false}>{t("chronology.newest")}</Link>
                <Link href={`${paths.record(record.id, { ...keep, after: page.newer })}#entries`} prefetch={false} rel="prev">{t("chronology.newer")}</Link>
              </>
            ) : null}
            {page.older ? <Link href={`${paths.record(record.id, { ...keep, before: page.older })}#entries`} prefetch={false} rel="next">{t("chronology.older")}</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
