import Link from "next/link";
import type { Actor } from "@/lib/access/actor";
import { getT } from "@/lib/i18n/server";
import { hasNews, loadUnseenCount } from "@/lib/news/loaders";
import { UNSEEN_CAP } from "@/lib/news";
import { paths } from "@/lib/paths";
import { Icon } from "../ui/icon";

/** The header's "What's new" with how many items are unseen, on every page. */
export async function NewsCount({ actor }: { actor: Actor }) {
  if (!hasNews(actor)) return null;
  const [t, count] = await Promise.all([getT("news"), loadUnseenCount(actor)]);
  const more = count > UNSEEN_CAP;
  return (
    <Link href={`${paths.home()}#whats-new`} className="header-button header-news" prefetch={false}>
      <span className="header-icon">
        <Icon name="bell" />
        {count > 0 ? <span className="news-tag" aria-hidden="true">{more ? `${UNSEEN_CAP}+` : count}</span> : null}
      </span>
      <span className="header-label">{t("headerLink")}</span>
      {count > 0 ? <span className="visually-hidden"> ({more ? t("headerMore", { count: UNSEEN_CAP }) : t("headerCount", { count })})</span> : null}
    </Link>
  );
}
