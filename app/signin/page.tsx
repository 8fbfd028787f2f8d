import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { getCurrentSession } from "@/lib/auth/current";
import { safeSignInError, signInErrorMessageKey } from "@/lib/auth/sign-in-errors";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";

type Search = { reason?: string; error?: string | string[] };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  if (await getCurrentSession()) redirect(paths.home());
  const [{ reason, error }, t] = await Promise.all([searchParams, getT("auth")]);
  return (
    <div className="narrow stack">
      <h1>{t("signIn.title")}</h1>
      {reason === "idle" ? <Alert kind="info">{t("signIn.idle")}</Alert> : null}
      {reason === "signed-out" ? <Alert kind="info">{t("signIn.signedOut")}</Alert> : null}
      {/* From next-auth's endpoints: only a known code is shown, as our own words, never the text. */}
      {error !== undefined ? <Alert kind="error">{t(signInErrorMessageKey(safeSignInError(error)))}</Alert> : null}
      <p>{t("signIn.intro")}</p>
      <SignInForm />
      <p className="hint">{t("signIn.help")}</p>
    </div>
  );
}
