import Link from "next/link";
import { readerOf } from "@/lib/access";
import type { loadContribution } from "@/lib/contributions/loaders";
import { withdrawContributionAction } from "@/lib/contributions/actions";
import { mayWithdraw } from "@/lib/contributions/rules";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { StepForm } from "../forms/step-form";
import { withdrawWords } from "./contribution-page";

type View = Awaited<ReturnType<typeof loadContribution>>;

// With JavaScript off, the dialog's words as a page: what taking it back means, then confirm or go back.
export async function WithdrawConfirmPage({ view }: { view: View }) {
  const t = await getT("contributions");
  const { record, contribution: c } = view;
  const back = <p><Link href={paths.contribution(record.id, c.id)} prefetch={false}>{t("detail.withdrawCancel")}</Link></p>;
  if (!c.fromMe || !mayWithdraw(c.status)) return <div className="stack narrow">{back}</div>;
  const words = withdrawWords(t, readerOf(view.actor));
  return (
    <div className="stack narrow">
      <h1>{words.confirmTitle}</h1>
      <p>{words.confirmText}</p>
      <StepForm name="confirm-form" action={withdrawContributionAction} submit={words.yes} hidden={{ childId: record.id, contributionId: c.id }} fields={[]} />
      {back}
    </div>
  );
}
