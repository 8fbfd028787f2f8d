import Link from "next/link";
import type { loadAdvocacy } from "@/lib/consent/loaders";
import { endAdvocateAction } from "@/lib/consent/actions";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { StepForm } from "../forms/step-form";
import { endWords, modeOf } from "./advocate-page";

type View = Awaited<ReturnType<typeof loadAdvocacy>>;

// With JavaScript off, the dialog's words as a page: what will change, then confirm or go back.
export async function AdvocateEndConfirmPage({ view }: { view: View }) {
  const t = await getT("advocate");
  const { record, ending } = view;
  const back = <p><Link href={paths.advocate(record.id)} prefetch={false}>{t("end.cancel")}</Link></p>;
  if (!ending || modeOf(view) === "advocate") return <div className="stack narrow">{back}</div>;
  const words = endWords(ending.name, t);
  return (
    <div className="stack narrow">
      <h1>{words.confirmTitle}</h1>
      <p>{words.confirmText}</p>
      <StepForm name="confirm-form" action={endAdvocateAction} submit={words.yes} hidden={{ childId: record.id, grantId: ending.grantId }} fields={[]} />
      {back}
    </div>
  );
}
