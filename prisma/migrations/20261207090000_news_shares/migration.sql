-- "What's new" about a share (issue 16): the item names the share it tells of, so it is shown only
-- while its reader may see that share in the sharing log (its entries, parental responsibility)
-- and once a reason kept from the child has been released by a manager's review.
ALTER TABLE "NewsItem" ADD COLUMN "shareId" TEXT;

CREATE INDEX "NewsItem_shareId_idx" ON "NewsItem"("shareId");

ALTER TABLE "NewsItem" ADD CONSTRAINT "NewsItem_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "SharingRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
