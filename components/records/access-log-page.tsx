import Link from "next/link";
import { formatDateTime, isoDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import type { AccessLogItem, loadAccessLog } from "@/lib/records";
import { RecordNav } from "./record-nav";

type View = Awaited<ReturnType<typeof loadAccessLog>>;

export async function AccessLogPage({ view }: { view: View }) {
  const [t, tc] = await Promise.all([getT("record"), getT("common")]);
  const { actor, record, locale, log } = view;
  const who = (item: AccessLogItem) => {
    if (item.isViewer) return t("accessLog.you");
    const role = item.role ? tc(`roles.${item.role}`, { defaultValue: item.role }) : "";
    // The name is as the council wrote it (English); the role is in the reader's language.
    return item.name ? <><bdi dir="auto">{item.name}</bdi>{` (${role})`}</> : role;
  };
  return (
    <div className="stack">
      <h1>{t("accessLog.title")}</h1>
      <RecordNav actor={actor} childId={record.id} current="accessLog" />
      <p>{t("accessLog.intro")}</p>
      {log.items.length === 0 ? (
        <p>{t("accessLog.none")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("accessLog.title")}>
          <table className="log-table">
            <thead>
              <tr>
                <th scope="col">{t("accessLog.when")}</th>
                <th scope="col">{t("accessLog.who")}</th>
                <th scope="col">{t("accessLog.what")}</th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((item) => (
                <tr key={item.id}>
                  <td><time dateTime={isoDateTime(item.at)}>{formatDateTime(item.at, locale)}</time></td>
                  <td>{who(item)}</td>
                  <td>
                    {item.entry ? (
                      <Link href={paths.entry(record.id, item.entry.id)} prefetch={false}>
                        {t(item.part === "file" ? "accessLog.parts.fileOf" : "accessLog.parts.entry", { title: item.entry.title })}
                      </Link>
                    ) : (
                      t(`accessLog.parts.${item.part}`)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.older ? <p><Link href={paths.accessLog(record.id, log.older)} prefetch={false}>{t("accessLog.older")}</Link></p> : null}
    </div>
  );
}
