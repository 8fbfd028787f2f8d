import Link from "next/link";
import type { loadAccount } from "@/lib/admin/loaders";
import { disableAccountAction } from "@/lib/admin/actions";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { StepForm } from "../forms/step-form";
import { disableWords } from "./account-page";

type View = Awaited<ReturnType<typeof loadAccount>>;

// With JavaScript off, the dialog's words as a page: what disabling does, then confirm or go back.
export async function DisableConfirmPage({ view }: { view: View }) {
  const t = await getT("admin");
  const words = disableWords(t);
  return (
    <div className="stack narrow">
      <h1>{words.confirmTitle}</h1>
      <p><bdi dir="ltr">{view.account.username}</bdi></p>
      <p>{words.confirmText}</p>
      <StepForm name="confirm-disable" action={disableAccountAction} hidden={{ userId: view.account.id }} fields={[]} submit={words.yes} />
      <p><Link href={paths.adminAccount(view.account.id)} prefetch={false}>{words.cancel}</Link></p>
    </div>
  );
}
