-- Contributions (issue 7): what children, families and advocates send to the child's caseworker.
-- The first schema's tables were never written to by any release, so they are replaced whole.
DROP TABLE "ContributionAttachment";
DROP TABLE "ContributionResponse";
DROP TABLE "Contribution";
DROP TYPE "ContributionStatus";
DROP TYPE "ContributionKind";

CREATE TYPE "ContributionKind" AS ENUM ('view', 'wish', 'feeling', 'proud', 'other');
CREATE TYPE "ContributionStatus" AS ENUM ('draft', 'sent', 'opened', 'answered', 'added', 'withdrawn');
CREATE TYPE "OriginalWhereabouts" AS ENUM ('with-child', 'returned', 'held-by-council');
CREATE TYPE "ContributionEventKind" AS ENUM ('drafted', 'sent', 'opened', 'replied', 'added', 'withdrawn', 'original-recorded');
ALTER TYPE "SectionNature" ADD VALUE 'own-words';

CREATE TABLE "Contribution" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "aboutEntryId" TEXT,
    "authorId" TEXT NOT NULL,
    "helpedById" TEXT,
    "submissionKey" TEXT NOT NULL,
    "kind" "ContributionKind" NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "locale" TEXT NOT NULL,
    "sharedWithChild" BOOLEAN NOT NULL DEFAULT false,
    "sharedWithFamily" BOOLEAN NOT NULL DEFAULT false,
    "status" "ContributionStatus" NOT NULL DEFAULT 'draft',
    "sentAt" TIMESTAMPTZ(3),
    "dueOn" DATE,
    "openedAt" TIMESTAMPTZ(3),
    "answeredAt" TIMESTAMPTZ(3),
    "addedAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "recordEntryId" TEXT,
    "originalWhereabouts" "OriginalWhereabouts",
    "originalPlace" TEXT,
    "originalReturnedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Contribution_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ContributionEvent" (
    "id" TEXT NOT NULL,
    "contributionId" TEXT NOT NULL,
    "kind" "ContributionEventKind" NOT NULL,
    "actorId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ContributionEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ContributionReply" (
    "id" TEXT NOT NULL,
    "contributionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ContributionReply_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ContributionAttachment" (
    "id" TEXT NOT NULL,
    "contributionId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "reencoded" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContributionAttachment_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Contribution_recordEntryId_key" ON "Contribution"("recordEntryId");
CREATE UNIQUE INDEX "Contribution_authorId_submissionKey_key" ON "Contribution"("authorId", "submissionKey");
CREATE INDEX "Contribution_childId_sentAt_id_idx" ON "Contribution"("childId", "sentAt" DESC, "id" DESC);
CREATE INDEX "Contribution_authorId_createdAt_idx" ON "Contribution"("authorId", "createdAt" DESC);
CREATE INDEX "ContributionEvent_contributionId_at_idx" ON "ContributionEvent"("contributionId", "at");
CREATE INDEX "ContributionReply_contributionId_createdAt_idx" ON "ContributionReply"("contributionId", "createdAt");
CREATE INDEX "ContributionAttachment_contributionId_idx" ON "ContributionAttachment"("contributionId");

ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_aboutEntryId_fkey" FOREIGN KEY ("aboutEntryId") REFERENCES "Entry"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_helpedById_fkey" FOREIGN KEY ("helpedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_recordEntryId_fkey" FOREIGN KEY ("recordEntryId") REFERENCES "Entry"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ContributionEvent" ADD CONSTRAINT "ContributionEvent_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ContributionEvent" ADD CONSTRAINT "ContributionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ContributionReply" ADD CONSTRAINT "ContributionReply_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ContributionReply" ADD CONSTRAINT "ContributionReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ContributionAttachment" ADD CONSTRAINT "ContributionAttachment_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ContributionAttachment" ADD CONSTRAINT "ContributionAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Steps and replies are history: never changed, never removed.
CREATE TRIGGER "ContributionEvent_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "ContributionEvent" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
CREATE TRIGGER "ContributionReply_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "ContributionReply" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
