import { formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { ClockView } from "@/lib/rectification";

// The statutory clock as everyone sees it: "Due Monday 4 January 2027, 12 working days left",
// overdue in red, or paused and since when.
export async function ClockLine({ clock, locale }: { clock: ClockView; locale: string }) {
  const t = await getT("corrections");
  if (clock.kind === "stopped") return null;
  if (clock.kind === "paused") return <span className="tag tag-muted">{t("clock.paused", { date: formatDay(clock.since, locale) })}</span>;
  const date = formatDay(clock.dueOn, locale);
  if (clock.overdue) return <strong className="tag tag-overdue">{t("clock.overdue", { date })}</strong>;
  if (clock.workingDaysLeft === 0) return <strong className="tag tag-overdue">{t("clock.dueToday", { date })}</strong>;
  return <span className={clock.dueSoon ? "tag tag-soon" : undefined}>{t("clock.due", { date, count: clock.workingDaysLeft })}</span>;
}
