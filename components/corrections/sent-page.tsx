import Link from "next/link";
import { formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import type { loadRequest } from "@/lib/rectification";

type View = Awaited<ReturnType<typeof loadRequest>>;

// The confirmation: it arrived, the day an answer is due, and what happens next.
export async function RequestSentPage({ view }: { view: View }) {
  const t = await getT("corrections");
  const { record, request, locale } = view;
  return (
    <div className="stack narrow">
      <div className="confirmation" role="status"><h1>{t("sent.title")}</h1></div>
      {request.clock.kind === "running" ? <p><strong>{t("sent.body", { date: formatDay(request.clock.dueOn, locale) })}</strong></p> : null}
      <h2>{t("sent.whatNext")}</h2>
      <ol>
        <li>{t("sent.step1")}</li>
        <li>{t("sent.step2")}</li>
        <li>{t("sent.step3")}</li>
      </ol>
      <p><Link href={paths.corrections(record.id)} prefetch={false}>{t("sent.follow")}</Link></p>
    </div>
  );
}
