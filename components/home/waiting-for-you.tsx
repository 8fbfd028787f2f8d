import Link from "next/link";
import type { Actor } from "@/lib/access/actor";
import type { WaitingItem } from "@/lib/home/waiting";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";

type T = Awaited<ReturnType<typeof getT>>;
type Props = {
  actor: Actor;
  items: WaitingItem[];
  locale: string;
  /** Label each item with its child's name: for someone who follows more than one record. */
  labelled: boolean;
};

/**
 * "Waiting for you", under what's new: one line per thing only this person can move on, each
 * opening where they do it. Nothing waiting, no section: "what's new" above already says whether
 * anything happened, and an empty heading would only push the records down a phone's first screen.
 */
export async function WaitingForYou({ actor, items, locale, labelled }: Props) {
  if (items.length === 0) return null;
  const t = await getT("home");
  const you = actor.role === "child";
  return (
    <section className="news waiting" aria-labelledby="waiting-for-you">
      <h2 id="waiting-for-you">{t("waiting.heading")}</h2>
      <ul className="news-list">
        {items.map((item) => {
          const detail = meta(t, item, locale);
          return (
            <li key={`${item.kind}:${item.id}`} className="news-item">
              <Link href={item.link} prefetch={false}><span className="news-text">{line(t, you, item, locale)}</span></Link>
              {labelled || detail ? (
                <span className="hint news-meta">
                  {labelled ? <bdi dir="auto">{item.childName}</bdi> : null}
                  {labelled && detail ? " · " : null}
                  {detail}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

// A child reads "your record"; a parent, carer or advocate reads the child's name.
function line(t: T, you: boolean, item: WaitingItem, locale: string): string {
  const name = item.childName;
  switch (item.kind) {
    case "question":
      return you ? t("waiting.question.you") : t("waiting.question.name", { name });
    case "consent":
      return you ? t("waiting.consent.you", { count: item.count }) : t("waiting.consent.name", { name, count: item.count });
    case "draft":
      return you ? t("waiting.draft.you") : t("waiting.draft.name", { name });
    case "disagreement":
      return you ? t("waiting.disagreement.you") : t("waiting.disagreement.name", { name });
    case "advocateEnding": {
      const date = formatDay(item.endsOn, locale);
      return you ? t("waiting.advocateEnding.you", { date, advocate: item.advocateName }) : t("waiting.advocateEnding.name", { name, date });
    }
  }
}

/** The second line: how long the clock has waited for their answer, or when a draft was saved. */
function meta(t: T, item: WaitingItem, locale: string): React.ReactNode {
  if (item.kind === "question") return t("waiting.paused", { count: item.pausedDays });
  if (item.kind === "draft") return <time dateTime={item.savedAt.toISOString()}>{t("waiting.saved", { date: formatDate(item.savedAt, locale) })}</time>;
  return null;
}
