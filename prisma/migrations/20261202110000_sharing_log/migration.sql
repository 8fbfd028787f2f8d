-- The sharing log (issue 9): with whom (the consent recipients, named for an organisation), what
-- (the whole record, some entries, or a description), when, why and on what basis; the consent
-- decision that stood, or a reason (which may itself be withheld from the child). The first
-- schema's table was never written to by any release, so it is replaced whole. Append-only.
DROP TABLE "SharingRecord";

CREATE TYPE "SharedWhat" AS ENUM ('whole-record', 'entries', 'described');

CREATE TABLE "SharingRecord" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "recipient" "ConsentRecipient" NOT NULL,
    "recipientName" TEXT NOT NULL DEFAULT '',
    "what" "SharedWhat" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "purpose" TEXT NOT NULL,
    "lawfulBasis" "LawfulBasis" NOT NULL,
    "consentDecisionId" TEXT,
    "reason" TEXT,
    "reasonWithheld" BOOLEAN NOT NULL DEFAULT false,
    "sharedOn" DATE NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "SharingRecord_pkey" PRIMARY KEY ("id"),
    -- A share on consent names the decision that stood; any other basis gives a reason.
    CONSTRAINT "SharingRecord_basis_check" CHECK (("lawfulBasis" = 'consent' AND "consentDecisionId" IS NOT NULL) OR ("lawfulBasis" <> 'consent' AND "reason" IS NOT NULL AND "reason" <> ''))
);

CREATE TABLE "SharingEntry" (
    "id" TEXT NOT NULL,
    "shareId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    CONSTRAINT "SharingEntry_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "SharingRecord_childId_sharedOn_id_idx" ON "SharingRecord"("childId", "sharedOn" DESC, "id" DESC);
CREATE UNIQUE INDEX "SharingEntry_shareId_entryId_key" ON "SharingEntry"("shareId", "entryId");
CREATE INDEX "SharingEntry_entryId_idx" ON "SharingEntry"("entryId");

ALTER TABLE "SharingRecord" ADD CONSTRAINT "SharingRecord_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SharingRecord" ADD CONSTRAINT "SharingRecord_consentDecisionId_fkey" FOREIGN KEY ("consentDecisionId") REFERENCES "ConsentDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "SharingRecord" ADD CONSTRAINT "SharingRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SharingEntry" ADD CONSTRAINT "SharingEntry_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "SharingRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SharingEntry" ADD CONSTRAINT "SharingEntry_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TRIGGER "SharingRecord_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "SharingRecord" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
CREATE TRIGGER "SharingEntry_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "SharingEntry" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
