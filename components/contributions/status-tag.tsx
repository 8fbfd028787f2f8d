import type { ContributionSummary } from "@/lib/contributions";
import { formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";

// The status as a tag, and the answer's due date (overdue in red), as every list and page shows them.
export async function StatusTag({ status }: { status: ContributionSummary["status"] }) {
  const t = await getT("contributions");
  const muted = status === "draft" || status === "withdrawn";
  return <strong className={muted ? "tag tag-muted" : status === "added" ? "tag tag-done" : "tag"}>{t(`status.${status}`)}</strong>;
}

export async function DueLine({ item, locale }: { item: Pick<ContributionSummary, "dueOn" | "overdue" | "status">; locale: string }) {
  const t = await getT("contributions");
  if (!item.dueOn || !(item.status === "sent" || item.status === "opened")) return null;
  const date = formatDay(item.dueOn, locale);
  return item.overdue ? <strong className="tag tag-overdue">{t("due.overdue", { date })}</strong> : <span>{t("due.by", { date })}</span>;
}
