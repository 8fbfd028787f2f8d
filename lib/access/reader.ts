import type { Actor } from "./actor.ts";
import { audienceOf } from "./entries.ts";

// Whose words a record page speaks in. The one place that decides it; pages pick their texts by it.
// - child: the child, and the advocate who speaks with them ("you", "your", "my things");
// - family: parents and carers, who read about the child ("Amira's things", "your child");
// - staff: caseworkers and managers, in neutral working words ("the child").
// Admins never open a record; were one to, they would read staff words.
export type Reader = "child" | "family" | "staff";

export function readerOf(actor: Actor): Reader {
  const audience = audienceOf(actor);
  return audience === "none" ? "staff" : audience;
}
