// A conversation as both sides read it (issue 16): the sender's first message, staff replies and
// the sender's answers, oldest first, each with who wrote it. Shared by contributions and
// correction requests; no server imports, so pages and forms may use the types.

import { fromDateColumn } from "../calendar/civil-date.ts";

export type ThreadFile = { id: string; fileName: string; mediaType: string; reencoded: boolean };

/** "first": what was sent; "reply": staff; "answer": the sender's; a correction's question and its answer too. */
export const MESSAGE_KINDS = ["first", "reply", "answer", "question", "questionAnswer"] as const;

export type ThreadMessage = {
  id: string;
  kind: (typeof MESSAGE_KINDS)[number];
  side: "sender" | "staff";
  authorName: string;
  fromMe: boolean;
  at: Date;
  body: string;
  files: ThreadFile[];
};

/** Oldest first; at the same moment the first message leads, then by id so the order is stable. */
export function inOrder(messages: ThreadMessage[]): ThreadMessage[] {
  return [...messages].sort((a, b) => a.at.getTime() - b.at.getTime() || Number(b.kind === "first") - Number(a.kind === "first") || a.id.localeCompare(b.id));
}

/** Whether staff have written to the sender yet: only then can the sender answer. */
export const staffHaveWritten = (thread: ThreadMessage[]) => thread.some((m) => m.side === "staff");

/** Where the conversation stands for someone reading it: waiting on staff (since an answer), or not. */
export type ConversationState = { waitingOnStaff: boolean; replyDueOn: string | null; overdue: boolean };

export function conversationState(answerDueOn: Date | null, today: string): ConversationState {
  const replyDueOn = answerDueOn ? fromDateColumn(answerDueOn) : null;
  return { waitingOnStaff: replyDueOn !== null, replyDueOn, overdue: replyDueOn !== null && replyDueOn < today };
}
