import type { ConversationState } from "@/lib/contributions";
import { formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";

/**
 * In a list: the sender answered and staff owe a reply. Staff read by when (overdue in red, in
 * words too); the sender's side reads that it waits for a reply. Nothing once staff replied.
 */
export async function ConversationTag({ conversation, staff, locale }: { conversation: ConversationState; staff: boolean; locale: string }) {
  if (!conversation.waitingOnStaff) return null;
  const t = await getT("contributions");
  if (!staff) return <strong className="tag">{t("thread.openTag")}</strong>;
  const date = formatDay(conversation.replyDueOn!, locale);
  return <strong className={conversation.overdue ? "tag tag-overdue" : "tag"}>{conversation.overdue ? t("thread.replyOverdue", { date }) : t("thread.replyDue", { date })}</strong>;
}
