-- Notification emails through an outbox (issue 7, "Notifications"; lib/notifications). A domain
-- writes the message in the same transaction as what it tells about, so a rolled-back
-- contribution never sends one and a committed one is never lost; the app sends it later, with
-- retries. The message holds no address and no content: the recipient's address and language
-- are read when it is sent.
ALTER TABLE "User" ADD COLUMN "email" TEXT;

CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),
    "skippedAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- The sender's query: messages still to send whose time has come, oldest first. Only those are
-- indexed, so the index stays as small as the queue however long the history grows.
CREATE INDEX "OutboxMessage_nextAttemptAt_idx" ON "OutboxMessage"("nextAttemptAt")
    WHERE "sentAt" IS NULL AND "skippedAt" IS NULL AND "failedAt" IS NULL;
CREATE INDEX "OutboxMessage_recipientId_idx" ON "OutboxMessage"("recipientId");

ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
