-- "What's new" for every event (issue 16). An item about a share names it, so it is shown only
-- while its reader may see that share in the sharing log (its entries, parental responsibility)
-- and once a reason kept from the child has been released by a manager's review.
ALTER TABLE "NewsItem" ADD COLUMN "shareId" TEXT;

CREATE INDEX "NewsItem_shareId_idx" ON "NewsItem"("shareId");

ALTER TABLE "NewsItem" ADD CONSTRAINT "NewsItem_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "SharingRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The header's count reads the newest unseen items by index, never stepping over the seen ones.
CREATE INDEX "NewsItem_recipientId_seenAt_createdAt_id_idx" ON "NewsItem"("recipientId", "seenAt", "createdAt" DESC, "id" DESC);
