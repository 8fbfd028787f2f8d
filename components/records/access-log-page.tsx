import Link from "next/link";
import { formatDate, formatDateTime, isoDateTime, isolate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import type { AccessLogGroup, AccessLogItem } from "@/lib/records";
import type { loadAccessLog } from "@/lib/records/loaders";
import { RecordNav } from "./record-nav";

type View = Awaited<ReturnType<typeof loadAccessLog>>;
type T = Awaited<ReturnType<typeof getT>>;

// One line per day and per who looked, newest day first. Staff can open a line to see each view
// (a <details> element: no JavaScript needed); families read the lines only.
export async function AccessLogPage({ view }: { view: View }) {
  const [t, tc] = await Promise.all([getT("record"), getT("common")]);
  const { actor, record, locale, log } = view;
  const line = (g: AccessLogGroup) => {
    const date = formatDate(g.day, locale);
    if (g.isViewer) return t("accessLog.youLooked", { count: g.count, date });
    // The name keeps its own direction; the role is in the reader's language, so the pair reads in theirs.
    const who = g.name ? `${isolate(g.name)} (${tc(`roles.${g.role}`, { defaultValue: g.role })})` : t(`accessLog.family.${g.role}`, { defaultValue: g.role });
    return t("accessLog.looked", { count: g.count, date, who: isolate(who) });
  };
  return (
    <div className="stack">
      <RecordNav actor={actor} record={record} />
      <h1>{t("accessLog.title")}</h1>
      <p>{t("accessLog.intro")}</p>
      {log.groups.length === 0 ? (
        <p>{t("accessLog.none")}</p>
      ) : (
        <ul className="card-list access-log">
          {log.groups.map((g) => (
            <li key={`${isoDateTime(g.day)}|${g.role}|${g.name ?? ""}|${g.isViewer}`} className="card">
              {g.views ? (
                <details>
                  <summary>{line(g)}</summary>
                  <Views t={t} record={record.id} locale={locale} group={g} views={g.views} />
                </details>
              ) : (
                <p>{line(g)}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      {log.older ? <p><Link href={paths.accessLog(record.id, log.older)} prefetch={false}>{t("accessLog.older")}</Link></p> : null}
    </div>
  );
}

function Views({ t, record, locale, group, views }: { t: T; record: string; locale: string; group: AccessLogGroup; views: AccessLogItem[] }) {
  return (
    <>
      <ul aria-label={t("accessLog.showViews")}>
        {views.map((v) => (
          <li key={v.id}>
            <time dateTime={isoDateTime(v.at)} className="hint">{formatDateTime(v.at, locale)}</time>
            <br />
            {v.entry ? (
              <Link href={paths.entry(record, v.entry.id)} prefetch={false}>
                {t(v.part === "file" ? "accessLog.parts.fileOf" : "accessLog.parts.entry", { title: v.entry.title })}
              </Link>
            ) : (
              t(`accessLog.parts.${v.part}`)
            )}
          </li>
        ))}
      </ul>
      {views.length < group.count ? <p className="hint">{t("accessLog.latestViews", { shown: views.length, count: group.count })}</p> : null}
    </>
  );
}
