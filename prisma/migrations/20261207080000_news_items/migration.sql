-- "What's new" for children, families and advocates (issue 16). Items are written with the event
-- they tell about and its email, in one transaction (lib/news). Not append-only: an item is marked
-- seen, and items older than 12 months are deleted.
CREATE TABLE "NewsItem" (
    "id" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "entryId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "seenAt" TIMESTAMPTZ(3),
    CONSTRAINT "NewsItem_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "NewsItem_recipientId_createdAt_id_idx" ON "NewsItem"("recipientId", "createdAt" DESC, "id" DESC);
CREATE INDEX "NewsItem_recipientId_childId_createdAt_id_idx" ON "NewsItem"("recipientId", "childId", "createdAt" DESC, "id" DESC);
CREATE INDEX "NewsItem_entryId_idx" ON "NewsItem"("entryId");

ALTER TABLE "NewsItem" ADD CONSTRAINT "NewsItem_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "NewsItem" ADD CONSTRAINT "NewsItem_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "NewsItem" ADD CONSTRAINT "NewsItem_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
