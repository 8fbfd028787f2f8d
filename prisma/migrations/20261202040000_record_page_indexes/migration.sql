-- Every read of a record page bounded by an index, whatever the record holds (issue 6, item 21).
-- Each index matches a query's filter and its whole ORDER BY, so the query reads the rows it
-- returns (plus those the access rules turn away) instead of walking the record:
-- - the latest current case summary, and the chronology filtered by kind and period together;
CREATE INDEX "Entry_childId_type_status_occurredAt_id_idx" ON "Entry"("childId", "type", "status", "occurredAt" DESC, "id" DESC);
-- - the chronology filtered by period (current or past entries);
CREATE INDEX "Entry_childId_status_occurredAt_id_idx" ON "Entry"("childId", "status", "occurredAt" DESC, "id" DESC);
-- - "My things" (few entries belong to the child; without this the whole table was read);
CREATE INDEX "Entry_childId_belongsToChild_occurredAt_id_idx" ON "Entry"("childId", "belongsToChild", "occurredAt" DESC, "id" DESC);
-- - "Why can't I see some things?": the record's entries kept from the child, not the whole table.
CREATE INDEX "Entry_childId_withChild_idx" ON "Entry"("childId", "withChild");
