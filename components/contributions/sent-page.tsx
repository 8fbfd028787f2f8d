import Link from "next/link";
import type { loadContribution } from "@/lib/contributions";
import { formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";

type View = Awaited<ReturnType<typeof loadContribution>>;

// The confirmation after sending: it arrived, by when it should be answered, and what happens next.
export async function SentPage({ view }: { view: View }) {
  const t = await getT("contributions");
  const { record, contribution: c, locale } = view;
  return (
    <div className="stack narrow">
      <div className="confirmation" role="status">
        <h1>{t("sent.title")}</h1>
      </div>
      <p>{t("sent.body")} {c.dueOn ? <strong>{t("sent.dueBy", { date: formatDay(c.dueOn, locale) })}</strong> : null}</p>
      <h2>{t("sent.whatNext")}</h2>
      <ol>
        <li>{t("sent.step1")}</li>
        <li>{t("sent.step2")}</li>
        <li>{t("sent.step3")}</li>
      </ol>
      <p><Link href={paths.contributions(record.id)} prefetch={false}>{t("sent.follow")}</Link></p>
      <p><Link href={paths.newContribution(record.id)} prefetch={false}>{t("sent.another")}</Link></p>
    </div>
  );
}
