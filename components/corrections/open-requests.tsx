import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import type { OpenRequests } from "@/lib/rectification";
import { ClockLine } from "./clock-line";
import { RequestStatus } from "./request-status";

// On the staff home, first: open correction requests, overdue ones at the top, with days left.
export async function OpenRequestsList({ open, locale }: { open: OpenRequests; locale: string }) {
  const t = await getT("corrections");
  return (
    <section className="stack" aria-labelledby="open-requests">
      <h2 id="open-requests">
        {t("staff.openHeading")}{" "}
        {open.overdue ? <strong className="tag tag-overdue">{t("staff.overdueCount", { count: open.overdue })}</strong> : null}{" "}
        {open.dueSoon ? <span className="tag tag-soon">{t("staff.dueSoonCount", { count: open.dueSoon })}</span> : null}
      </h2>
      {open.items.length === 0 ? <p>{t("staff.openNone")}</p> : (
        <ul className="entry-list">
          {open.items.map((r) => (
            <li key={r.id} className="entry-card">
              <p className="entry-meta"><RequestStatus request={r} staff /><ClockLine clock={r.clock} locale={locale} /><span>{t("staff.forChild", { name: r.childName })}</span></p>
              <Link href={paths.correction(r.childId, r.id)} className="entry-title" prefetch={false}><span dir="auto" className="message-text">{r.whatIsWrong}</span></Link>
              <p className="entry-meta"><span>{t("list.from", { name: r.requesterName })}</span>{r.entryTitles.length ? <span>{t("list.about", { titles: r.entryTitles.join(", ") })}</span> : null}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
