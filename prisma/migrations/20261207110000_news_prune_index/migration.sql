-- The hourly prune of what's new (pruneNews) deletes items older than a year: by this index it
-- reads only those, instead of every item on every node every hour.
CREATE INDEX "NewsItem_createdAt_idx" ON "NewsItem"("createdAt");
