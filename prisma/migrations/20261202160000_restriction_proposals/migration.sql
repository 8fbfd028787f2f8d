-- Withholding an entry from the child, decided in the portal (issue 10). A caseworker proposes to
-- withhold an entry (or to lift a withholding) with a reason, a note and a review date; a manager
-- approves, changes or rejects it. A manager's own proposal is decided as it is made. Both tables
-- are append-only: the history of who asked for what, and who decided, is never rewritten. The
-- decision's effect (Entry."withChild" and the Restriction row) is written in the same transaction.
CREATE TYPE "RestrictionChange" AS ENUM ('withhold', 'lift');
CREATE TYPE "RestrictionOutcome" AS ENUM ('approved', 'changed', 'rejected');

CREATE TABLE "RestrictionProposal" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "change" "RestrictionChange" NOT NULL,
    "reason" "RestrictionReason",
    "note" TEXT NOT NULL,
    "reviewDue" DATE,
    "proposedById" TEXT NOT NULL,
    "proposedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "RestrictionProposal_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RestrictionProposal_entryId_proposedAt_idx" ON "RestrictionProposal"("entryId", "proposedAt" DESC);

ALTER TABLE "RestrictionProposal" ADD CONSTRAINT "RestrictionProposal_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RestrictionProposal" ADD CONSTRAINT "RestrictionProposal_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "RestrictionDecision" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "outcome" "RestrictionOutcome" NOT NULL,
    "reason" "RestrictionReason",
    "note" TEXT NOT NULL,
    "reviewDue" DATE,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "RestrictionDecision_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "RestrictionDecision_proposalId_key" ON "RestrictionDecision"("proposalId");

ALTER TABLE "RestrictionDecision" ADD CONSTRAINT "RestrictionDecision_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "RestrictionProposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RestrictionDecision" ADD CONSTRAINT "RestrictionDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TRIGGER "RestrictionProposal_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "RestrictionProposal" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
CREATE TRIGGER "RestrictionDecision_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "RestrictionDecision" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
