-- Correction requests (issue 8). The first schema's tables were never written to by any release,
-- so they are replaced whole: a request may cover several entries and parts, carries its own
-- statutory clock (received day, due day, extension, pauses), an optimistic version, evidence
-- files, and statements of disagreement that stand with the entries.
DROP TABLE "RectificationEvent";
DROP TABLE "RectificationRequest";
DROP TYPE "RequestEventKind";
DROP TYPE "RequestStatus";

CREATE TYPE "RequestStatus" AS ENUM ('received', 'in_review', 'waiting', 'decided', 'withdrawn');
CREATE TYPE "RequestOutcome" AS ENUM ('corrected', 'partly_corrected', 'not_corrected');
CREATE TYPE "RequestEventKind" AS ENUM ('received', 'review-started', 'question-asked', 'question-answered', 'extended', 'corrected', 'partly-corrected', 'not-corrected', 'withdrawn', 'recipients-told', 'disagreement-added');

CREATE TABLE "RectificationRequest" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "helpedById" TEXT,
    "submissionKey" TEXT NOT NULL,
    "whatIsWrong" TEXT NOT NULL,
    "whatItShouldSay" TEXT NOT NULL DEFAULT '',
    "locale" TEXT NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'received',
    "outcome" "RequestOutcome",
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "extendedMonths" INTEGER NOT NULL DEFAULT 0,
    "extensionReason" TEXT,
    "pausedOn" DATE,
    "pausedDays" INTEGER NOT NULL DEFAULT 0,
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "RectificationRequest_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "RectificationRequest_extension_check" CHECK ("extendedMonths" BETWEEN 0 AND 2),
    CONSTRAINT "RectificationRequest_paused_check" CHECK ("pausedDays" >= 0)
);

CREATE TABLE "RectificationItem" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "sectionPosition" INTEGER,
    CONSTRAINT "RectificationItem_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RectificationEvent" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "kind" "RequestEventKind" NOT NULL,
    "actorId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "dueOn" DATE,
    CONSTRAINT "RectificationEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RectificationAttachment" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "reencoded" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RectificationAttachment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "DisagreementStatement" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "DisagreementStatement_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "RectificationRequest_requesterId_submissionKey_key" ON "RectificationRequest"("requesterId", "submissionKey");
CREATE INDEX "RectificationRequest_childId_receivedAt_idx" ON "RectificationRequest"("childId", "receivedAt" DESC);
CREATE INDEX "RectificationRequest_status_dueOn_idx" ON "RectificationRequest"("status", "dueOn");
CREATE INDEX "RectificationItem_requestId_idx" ON "RectificationItem"("requestId");
CREATE INDEX "RectificationItem_entryId_idx" ON "RectificationItem"("entryId");
CREATE INDEX "RectificationEvent_requestId_at_idx" ON "RectificationEvent"("requestId", "at");
CREATE INDEX "RectificationAttachment_requestId_idx" ON "RectificationAttachment"("requestId");
CREATE INDEX "DisagreementStatement_entryId_createdAt_idx" ON "DisagreementStatement"("entryId", "createdAt");

ALTER TABLE "RectificationRequest" ADD CONSTRAINT "RectificationRequest_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RectificationRequest" ADD CONSTRAINT "RectificationRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RectificationRequest" ADD CONSTRAINT "RectificationRequest_helpedById_fkey" FOREIGN KEY ("helpedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "RectificationItem" ADD CONSTRAINT "RectificationItem_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RectificationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RectificationItem" ADD CONSTRAINT "RectificationItem_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RectificationEvent" ADD CONSTRAINT "RectificationEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RectificationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RectificationEvent" ADD CONSTRAINT "RectificationEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RectificationAttachment" ADD CONSTRAINT "RectificationAttachment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RectificationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RectificationAttachment" ADD CONSTRAINT "RectificationAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DisagreementStatement" ADD CONSTRAINT "DisagreementStatement_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RectificationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DisagreementStatement" ADD CONSTRAINT "DisagreementStatement_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DisagreementStatement" ADD CONSTRAINT "DisagreementStatement_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A request's history and the statements of disagreement are never changed or removed.
CREATE TRIGGER "RectificationEvent_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "RectificationEvent" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
CREATE TRIGGER "DisagreementStatement_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "DisagreementStatement" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
