"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { idleSignOutAction, keepAliveAction, signOutAction } from "@/lib/auth/actions";
import { Dialog } from "./ui/dialog";

// Never ask the server again sooner than this, whatever it answered.
const MIN_RECHECK_MS = 1000;

// Warns a minute before the server's idle limit. The server enforces the limit whatever
// happens here; this only spares people from losing their place without notice.
export function IdleWarning({ idleMs, warnMs, signInPath }: { idleMs: number; warnMs: number; signInPath: string }) {
  const { t } = useTranslation("common");
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const [open, setOpen] = useState(false);
  // When the idle limit passes, in this browser's time, by the latest activity this tab knows of.
  const [deadline, setDeadline] = useState(() => Date.now() + idleMs);

  // Each navigation, a new page or the same page with new search params (paging, "show the
  // original"), was a request to the server, which counted it as activity.
  useEffect(() => setDeadline(Date.now() + idleMs), [pathname, search, idleMs]);

  useEffect(() => {
    const left = deadline - Date.now();
    const warn = setTimeout(() => setOpen(true), Math.max(0, left - (idleMs - warnMs)));
    const leave = setTimeout(() => void checkIdle(), Math.max(0, left));
    return () => {
      clearTimeout(warn);
      clearTimeout(leave);
    };
  }, [deadline, idleMs, warnMs, signInPath]);

  // The server decides: another tab may have been in use all along. Only if the session has
  // ended (or the server cannot be asked) does this tab leave for the sign-in page, which says why.
  async function checkIdle() {
    const result = await idleSignOutAction().catch(() => null);
    if (!result || result.ended) return window.location.replace(signInPath);
    setOpen(false);
    setDeadline(Date.now() + Math.max(MIN_RECHECK_MS, result.msLeft));
  }

  async function stay() {
    const result = await keepAliveAction();
    if (!result?.ok) return window.location.replace(signInPath);
    setOpen(false);
    setDeadline(Date.now() + idleMs);
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
