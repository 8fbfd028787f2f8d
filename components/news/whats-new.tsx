import Link from "next/link";
import type { Actor } from "@/lib/access/actor";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { markAllNewsSeenAction } from "@/lib/news/actions";
import type { NewsLine, NewsPage } from "@/lib/news";
import { paths } from "@/lib/paths";

type Props = {
  actor: Actor;
  page: NewsPage;
  locale: string;
  /** Label each item with its child's name: for someone who follows more than one record. */
  labelled: boolean;
  /** On a record's first screen: no "mark all", no paging (the home has them). */
  compact?: boolean;
};

/** "What's new": one line per item, newest first, each opening where it happened. */
export async function WhatsNew({ actor, page, locale, labelled, compact = false }: Props) {
  const t = await getT("news");
  const unseen = page.items.some((i) => !i.seen);
  if (compact && page.items.length === 0) return null;
  return (
    // On a record's first screen the items speak for themselves ("New"): no heading line to push
    // the record's choices off a phone's screen, but still a named region for screen readers.
    <section className="news" {...(compact ? { "aria-label": t("heading") } : { "aria-labelledby": "whats-new" })}>
      {compact ? null : <h2 id="whats-new">{t("heading")}</h2>}
      {page.items.length === 0 ? (
        <p>{t("nothing")}</p>
      ) : (
        <ul className="news-list">
          {page.items.map((item) => (
            <li key={item.id} className={item.seen ? "news-item" : "news-item news-unseen"}>
              <Link href={paths.newsItem(item.id)} prefetch={false}>
                {!item.seen ? <span className="news-tag">{t("new")}</span> : null}
                <span className="news-text">{line(t, actor, item)}</span>
              </Link>
              <span className="hint news-meta">
                {labelled ? <><bdi dir="auto">{item.childName}</bdi> · </> : null}
                <time dateTime={item.createdAt.toISOString()}>{formatDate(item.createdAt, locale)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
      {!compact && unseen ? (
        <form action={markAllNewsSeenAction}>
          <button type="submit" className="button button-secondary">{t("markAll")}</button>
        </form>
      ) : null}
      {!compact && page.older ? <p><Link href={paths.olderNews(page.older)} prefetch={false}>{t("older")}</Link></p> : null}
    </section>
  );
}

// A child reads "your record"; everyone else reads the child's name.
function line(t: (key: string, opts?: Record<string, unknown>) => string, actor: Actor, item: NewsLine): string {
  return actor.role === "child" ? t(`kind.${item.kind}.you`) : t(`kind.${item.kind}.name`, { name: item.childName });
}
