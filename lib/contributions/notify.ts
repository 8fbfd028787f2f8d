import "server-only";
import type { Prisma } from "../db/index.ts";
import { tell } from "../news/index.ts";
import { notifyAllocatedCaseworkers } from "../notifications/index.ts";
import { paths } from "../paths.ts";

type Tx = Prisma.TransactionClient;

/** Tells the child's allocated caseworkers something new has arrived (email only says that, with a link). */
export async function notifyCaseworkers(tx: Tx, input: { childId: string; contributionId: string; now: Date }) {
  await notifyAllocatedCaseworkers(tx, { childId: input.childId, kind: "contribution-received", link: paths.contribution(input.childId, input.contributionId), now: input.now });
}

/** Tells the sender their contribution has a reply (what's new, and an email). */
export async function notifySender(tx: Tx, input: { senderId: string; childId: string; contributionId: string; now: Date }) {
  await tell(tx, { recipientId: input.senderId, childId: input.childId, kind: "reply", link: paths.contribution(input.childId, input.contributionId), now: input.now });
}
