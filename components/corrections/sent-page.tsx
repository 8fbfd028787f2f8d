import Link from "next/link";
import { formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import type { loadRequest } from "@/lib/rectification/loaders";
import { Confirmation } from "../ui/confirmation";

type View = Awaited<ReturnType<typeof loadRequest>>;

// The confirmation: it arrived, the day an answer is due, and what happens next.
export async function RequestSentPage({ view }: { view: View }) {
  const t = await getT("corrections");
  const { record, request, locale } = view;
  const lead = request.clock.kind === "running" ? <p><strong>{t("sent.body", { date: formatDay(request.clock.dueOn, locale) })}</strong></p> : null;
  return (
    <Confirmation title={t("sent.title")} lead={lead} nextTitle={t("sent.whatNext")} steps={[t("sent.step1"), t("sent.step2"), t("sent.step3")]}>
      <p><Link href={paths.corrections(record.id)} prefetch={false}>{t("sent.follow")}</Link></p>
    </Confirmation>
  );
}
