-- Manager review of a share whose reason is kept from the child (issue 9). Append-only: each
-- review names the one it replaces, the newest stands, and the child sees the reason once it says
-- show_to_child. The share itself is never changed.
CREATE TYPE "ShareReviewOutcome" AS ENUM ('keep_withheld', 'show_to_child');

CREATE TABLE "ShareReview" (
    "id" TEXT NOT NULL,
    "shareId" TEXT NOT NULL,
    "reviewedById" TEXT NOT NULL,
    "outcome" "ShareReviewOutcome" NOT NULL,
    "note" TEXT NOT NULL,
    "replacesId" TEXT,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ShareReview_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ShareReview_replacesId_key" ON "ShareReview"("replacesId");
CREATE INDEX "ShareReview_shareId_reviewedAt_idx" ON "ShareReview"("shareId", "reviewedAt" DESC);

ALTER TABLE "ShareReview" ADD CONSTRAINT "ShareReview_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "SharingRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ShareReview" ADD CONSTRAINT "ShareReview_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ShareReview" ADD CONSTRAINT "ShareReview_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "ShareReview"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TRIGGER "ShareReview_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "ShareReview" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
