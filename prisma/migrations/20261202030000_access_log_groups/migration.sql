-- "Who has looked" groups views by day and by who looked: staff by person, family by role only
-- (the log never tells one parent's visits from another's). Both keys are derived by the
-- database from columns every view already has, so the append-only table is never updated and
-- older views group the same way. The day is the day in England, where the records are kept.
ALTER TABLE "RecordView" ADD COLUMN "day" DATE GENERATED ALWAYS AS (("at" AT TIME ZONE 'Europe/London')::date) STORED;
ALTER TABLE "RecordView" ADD COLUMN "viewerKey" TEXT GENERATED ALWAYS AS (
  CASE WHEN "actorRole" IN ('caseworker', 'manager', 'admin') THEN "actorId" ELSE 'role:' || "actorRole" END
) STORED;

-- Groups are read newest day first, a page at a time, straight from this index.
CREATE INDEX "RecordView_childId_day_viewerKey_idx" ON "RecordView"("childId", "day" DESC, "viewerKey");
