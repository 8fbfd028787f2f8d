"use client";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { idleSignOutAction, keepAliveAction, signOutAction } from "@/lib/auth/actions";
import { Dialog } from "./ui/dialog";

// Warns a minute before the server's idle limit. The server enforces the limit whatever
// happens here; this only spares people from losing their place without notice.
export function IdleWarning({ idleMs, warnMs, signInPath }: { idleMs: number; warnMs: number; signInPath: string }) {
  const { t } = useTranslation("common");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [lastActivity, setLastActivity] = useState(() => Date.now());

  useEffect(() => setLastActivity(Date.now()), [pathname]); // each page load refreshed the session

  useEffect(() => {
    const elapsed = Date.now() - lastActivity;
    const warn = setTimeout(() => setOpen(true), Math.max(0, warnMs - elapsed));
    const leave = setTimeout(() => void leaveIdle(signInPath), Math.max(0, idleMs - elapsed));
    return () => {
      clearTimeout(warn);
      clearTimeout(leave);
    };
  }, [lastActivity, idleMs, warnMs, signInPath]);

  async function stay() {
    const result = await keepAliveAction();
    if (!result?.ok) return window.location.replace(signInPath);
    setOpen(false);
    setLastActivity(Date.now());
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? setOpen(true) : void stay())} title={t("idle.title")}
      description={t("idle.body")} role="alertdialog">
      <button type="button" className="button" onClick={() => void stay()}>
        {t("idle.stay")}
      </button>
      <form action={signOutAction}>
        <button type="submit" className="button button-secondary">
          {t("idle.signOut")}
        </button>
      </form>
    </Dialog>
  );
}

// Ends the session on the server first, so the sign-in page shows why and the cookie is gone.
async function leaveIdle(to: string) {
  await idleSignOutAction().catch(() => null);
  window.location.replace(to);
}
