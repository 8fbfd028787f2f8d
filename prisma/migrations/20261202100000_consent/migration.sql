-- Consent (issue 9). Consent is asked per topic (a recipient, named for an organisation, and a
-- purpose); decisions are an append-only history whose latest row stands, each naming the one it
-- replaces (unique), so two changes made from the same state cannot both be kept. Gillick
-- competence is recorded by caseworkers, also append-only. The first schema's consent table was
-- never written to by any release, so it is replaced whole.
ALTER TABLE "SharingRecord" DROP CONSTRAINT "SharingRecord_consentDecisionId_fkey";
DROP TABLE "ConsentDecision";

CREATE TYPE "ConsentRecipient" AS ENUM ('school', 'health', 'police', 'housing', 'youth-justice', 'other-council', 'named-org');

CREATE TABLE "ConsentTopic" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "recipient" "ConsentRecipient" NOT NULL,
    "recipientName" TEXT NOT NULL DEFAULT '',
    "purpose" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConsentTopic_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ConsentDecision" (
    "id" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "choice" "ConsentChoice" NOT NULL,
    "basis" "ConsentBasis" NOT NULL,
    "decidedById" TEXT NOT NULL,
    "note" TEXT,
    "expiresOn" DATE,
    "replacesId" TEXT,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ConsentDecision_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CompetenceAssessment" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "canDecide" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL,
    "assessedOn" DATE NOT NULL,
    "assessedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "CompetenceAssessment_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ConsentTopic_childId_recipient_recipientName_purpose_key" ON "ConsentTopic"("childId", "recipient", "recipientName", "purpose");
CREATE UNIQUE INDEX "ConsentDecision_replacesId_key" ON "ConsentDecision"("replacesId");
CREATE INDEX "ConsentDecision_topicId_decidedAt_idx" ON "ConsentDecision"("topicId", "decidedAt" DESC);
CREATE INDEX "ConsentDecision_childId_decidedAt_idx" ON "ConsentDecision"("childId", "decidedAt" DESC);
CREATE INDEX "CompetenceAssessment_childId_createdAt_idx" ON "CompetenceAssessment"("childId", "createdAt" DESC);

ALTER TABLE "ConsentTopic" ADD CONSTRAINT "ConsentTopic_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ConsentTopic" ADD CONSTRAINT "ConsentTopic_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ConsentDecision" ADD CONSTRAINT "ConsentDecision_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "ConsentTopic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ConsentDecision" ADD CONSTRAINT "ConsentDecision_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ConsentDecision" ADD CONSTRAINT "ConsentDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ConsentDecision" ADD CONSTRAINT "ConsentDecision_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "ConsentDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CompetenceAssessment" ADD CONSTRAINT "CompetenceAssessment_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CompetenceAssessment" ADD CONSTRAINT "CompetenceAssessment_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SharingRecord" ADD CONSTRAINT "SharingRecord_consentDecisionId_fkey" FOREIGN KEY ("consentDecisionId") REFERENCES "ConsentDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TRIGGER "ConsentDecision_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "ConsentDecision" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
CREATE TRIGGER "CompetenceAssessment_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "CompetenceAssessment" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
