import type { Prisma } from "../db/generated/client.ts";
import { Invalid } from "../errors/index.ts";
import { assertNotificationLink, isNotificationKind, type NotificationKind } from "./kinds.ts";

type Tx = Prisma.TransactionClient;

export type NotificationInput = {
  recipientId: string;
  kind: NotificationKind;
  /** A path on the portal ("/inbox"); opaque ids only, never a name. */
  link: string;
  now: Date;
};

/**
 * Puts an email in the outbox. Call it with the transaction that writes what the email tells
 * about: a rollback drops the message with it, and once committed it is sent (with retries) by
 * the notification sender. Nothing is sent from here, and nothing about the recipient is copied:
 * their address and language are read when it goes out.
 */
export async function enqueueNotification(tx: Tx, input: NotificationInput): Promise<{ id: string }> {
  if (!isNotificationKind(input.kind)) throw new Invalid(`Unknown notification kind "${input.kind}"`);
  assertNotificationLink(input.link);
  return tx.outboxMessage.create({
    data: { recipientId: input.recipientId, kind: input.kind, link: input.link, createdAt: input.now, nextAttemptAt: input.now },
    select: { id: true },
  });
}

/** The same notice for each caseworker allocated to the child (the people who answer for the record). */
export async function notifyAllocatedCaseworkers(tx: Tx, input: { childId: string } & Omit<NotificationInput, "recipientId">) {
  const grants = await tx.grant.findMany({
    where: { childId: input.childId, kind: "allocation", revokedAt: null, user: { disabledAt: null, role: "caseworker" } },
    select: { userId: true },
  });
  for (const { userId } of grants) await enqueueNotification(tx, { recipientId: userId, kind: input.kind, link: input.link, now: input.now });
}
