import Link from "next/link";
import type { loadContribution } from "@/lib/contributions/loaders";
import { formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { Confirmation } from "../ui/confirmation";

type View = Awaited<ReturnType<typeof loadContribution>>;

// The confirmation after sending: it arrived, by when it should be answered, and what happens next.
export async function SentPage({ view }: { view: View }) {
  const t = await getT("contributions");
  const { record, contribution: c, locale } = view;
  const lead = <p>{t("sent.body")} {c.dueOn ? <strong>{t("sent.dueBy", { date: formatDay(c.dueOn, locale) })}</strong> : null}</p>;
  return (
    <Confirmation title={t("sent.title")} lead={lead} nextTitle={t("sent.whatNext")} steps={[t("sent.step1"), t("sent.step2"), t("sent.step3")]}>
      <p><Link href={paths.contributions(record.id)} prefetch={false}>{t("sent.follow")}</Link></p>
      <p><Link href={paths.newContribution(record.id)} prefetch={false}>{t("sent.another")}</Link></p>
    </Confirmation>
  );
}
