import Link from "next/link";
import type { loadConsentConfirmation } from "@/lib/consent/loaders";
import { decideConsentAction } from "@/lib/consent/actions";
import { formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { realDay } from "@/lib/calendar/civil-date";
import { StepForm } from "../forms/step-form";

type View = Awaited<ReturnType<typeof loadConsentConfirmation>>;

// With JavaScript off, the dialog's words as a page: what will change, then confirm or go back.
export async function ConsentConfirmPage({ view }: { view: View }) {
  const t = await getT("consent");
  const { record, topic, choice } = view;
  if (!topic || !choice || !view.mayDecide) {
    return <div className="stack narrow"><p><Link href={paths.consent(record.id)} prefetch={false}>{t("decide.cancel")}</Link></p></div>;
  }
  const recipient = topic.recipientName || t(`recipients.${topic.recipient}`);
  return (
    <div className="stack narrow">
      <h1>{t("decide.confirmTitle")}</h1>
      <p>{confirmText(t, { choice, recipient, purpose: topic.purpose, until: realDay(view.expiresOn), locale: view.locale })}</p>
      <StepForm name="confirm-form" action={decideConsentAction} submit={t(choice === "given" ? "decide.yesGive" : "decide.yesWithdraw")}
        hidden={{ childId: record.id, topicId: topic.id, choice, expiresOn: view.expiresOn }} fields={[]} />
      <p><Link href={paths.consent(record.id)} prefetch={false}>{t("decide.cancel")}</Link></p>
    </div>
  );
}

type Words = { choice: string; recipient: string; purpose: string; until: string | null; locale: string };

// The same words as the dialog, with the "until" day when one was chosen.
function confirmText(t: Awaited<ReturnType<typeof getT>>, w: Words): string {
  if (w.choice !== "given") return t("decide.confirmWithdraw", w);
  return w.until ? t("decide.confirmGiveUntil", { ...w, date: formatDay(w.until, w.locale) }) : t("decide.confirmGive", w);
}
