-- Record Together: initial schema. Written to match prisma/schema.prisma in Prisma's own SQL style.

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('child', 'parent', 'carer', 'advocate', 'caseworker', 'manager', 'admin');
CREATE TYPE "GrantKind" AS ENUM ('subject', 'family', 'advocate', 'allocation');
CREATE TYPE "Relationship" AS ENUM ('mother', 'father', 'carer', 'foster-carer', 'sibling', 'grandparent', 'advocate', 'other');
CREATE TYPE "EntryType" AS ENUM ('visit', 'contact', 'decision', 'assessment', 'plan', 'review', 'case-summary', 'chronology', 'letter', 'report', 'note');
CREATE TYPE "EntryStatus" AS ENUM ('current', 'historical');
CREATE TYPE "RestrictionReason" AS ENUM ('serious-harm', 'confidential', 'third-party', 'court');
CREATE TYPE "SectionNature" AS ENUM ('fact', 'opinion', 'judgement', 'assessment', 'decision', 'hypothesis');
CREATE TYPE "SectionSource" AS ENUM ('first-hand', 'third-party');
CREATE TYPE "ImportStatus" AS ENUM ('succeeded', 'rejected');
CREATE TYPE "ContributionKind" AS ENUM ('view', 'wish', 'feeling', 'certificate', 'other');
CREATE TYPE "ContributionStatus" AS ENUM ('received', 'responded', 'added_to_record');
CREATE TYPE "ConsentChoice" AS ENUM ('given', 'withdrawn');
CREATE TYPE "ConsentBasis" AS ENUM ('own_decision', 'parental_responsibility');
CREATE TYPE "LawfulBasis" AS ENUM ('consent', 'public_interest', 'child_safety', 'legal_obligation', 'court_order');
CREATE TYPE "RequestStatus" AS ENUM ('received', 'in_progress', 'extended', 'corrected', 'not_corrected', 'withdrawn');
CREATE TYPE "RequestEventKind" AS ENUM ('received', 'note', 'extended', 'corrected', 'not_corrected', 'statement_of_disagreement', 'withdrawn');

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "displayName" TEXT NOT NULL,
    "locale" TEXT,
    "teamId" TEXT,
    "childId" TEXT,
    "personId" TEXT,
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedReason" TEXT,
    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "LoginThrottle" (
    "usernameKey" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailAt" TIMESTAMPTZ(3),
    "lockedUntil" TIMESTAMPTZ(3),
    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("usernameKey")
);

CREATE TABLE "Grant" (
    "id" TEXT NOT NULL,
    "kind" "GrantKind" NOT NULL,
    "childId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "grantedById" TEXT,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" TEXT,
    "reason" TEXT,
    CONSTRAINT "Grant_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Child" (
    "id" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "preferredName" TEXT,
    "dateOfBirth" DATE NOT NULL,
    "identifier" TEXT,
    "preferredLanguage" TEXT,
    "communicationNeeds" TEXT,
    "legalStatus" TEXT,
    "ethnicity" TEXT,
    "religion" TEXT,
    "gender" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Child_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "preferredLanguage" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ChildPerson" (
    "childId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "relationship" "Relationship" NOT NULL,
    "parentalResponsibility" BOOLEAN NOT NULL DEFAULT false,
    "livesWithChild" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "ChildPerson_pkey" PRIMARY KEY ("childId","personId")
);

CREATE TABLE "Entry" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "type" "EntryType" NOT NULL,
    "title" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "authorName" TEXT NOT NULL,
    "authorRole" TEXT NOT NULL,
    "originatorName" TEXT,
    "originatorRole" TEXT,
    "status" "EntryStatus" NOT NULL,
    "supersedesExternalId" TEXT,
    "withChild" BOOLEAN NOT NULL,
    "withFamily" BOOLEAN NOT NULL,
    "readWithWorker" BOOLEAN NOT NULL DEFAULT false,
    "releasedAt" TIMESTAMPTZ(3),
    "releasedById" TEXT,
    "belongsToChild" BOOLEAN NOT NULL DEFAULT false,
    "originalLocation" TEXT,
    "decision" JSONB,
    "visit" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Entry_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "EntrySection" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "nature" "SectionNature" NOT NULL,
    "source" "SectionSource" NOT NULL,
    "sourceName" TEXT,
    CONSTRAINT "EntrySection_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "EntryTranslation" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sections" TEXT[],
    "translatedBy" TEXT NOT NULL,
    "checkedBy" TEXT,
    "translatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "EntryTranslation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "EntryExclusion" (
    "entryId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    CONSTRAINT "EntryExclusion_pkey" PRIMARY KEY ("entryId","personId")
);

CREATE TABLE "Restriction" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "reason" "RestrictionReason" NOT NULL,
    "note" TEXT,
    "decidedBy" TEXT NOT NULL,
    "reviewDue" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Restriction_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RestrictionReview" (
    "id" TEXT NOT NULL,
    "restrictionId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "stillApplies" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL,
    "nextReviewDue" DATE,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RestrictionReview_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "EntryVersion" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "importId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EntryVersion_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "exportedAt" TIMESTAMPTZ(3) NOT NULL,
    "sha256" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL,
    "summary" JSONB NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Contribution" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "entryId" TEXT,
    "authorId" TEXT NOT NULL,
    "helpedById" TEXT,
    "kind" "ContributionKind" NOT NULL,
    "body" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "belongsToChild" BOOLEAN NOT NULL DEFAULT false,
    "originalLocation" TEXT,
    "originalReturnedAt" TIMESTAMPTZ(3),
    "status" "ContributionStatus" NOT NULL DEFAULT 'received',
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Contribution_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ContributionResponse" (
    "id" TEXT NOT NULL,
    "contributionId" TEXT NOT NULL,
    "responderId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContributionResponse_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ContributionAttachment" (
    "contributionId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    CONSTRAINT "ContributionAttachment_pkey" PRIMARY KEY ("contributionId","fileId")
);

CREATE TABLE "ConsentDecision" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "recipient" TEXT,
    "choice" "ConsentChoice" NOT NULL,
    "basis" "ConsentBasis" NOT NULL,
    "decidedById" TEXT NOT NULL,
    "note" TEXT,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConsentDecision_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SharingRecord" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "entryId" TEXT,
    "recipient" TEXT NOT NULL,
    "recipientOrg" TEXT,
    "purpose" TEXT NOT NULL,
    "lawfulBasis" "LawfulBasis" NOT NULL,
    "consentDecisionId" TEXT,
    "sharedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SharingRecord_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RectificationRequest" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "entryId" TEXT,
    "requesterId" TEXT NOT NULL,
    "helpedById" TEXT,
    "whatIsWrong" TEXT NOT NULL,
    "whatItShouldSay" TEXT,
    "status" "RequestStatus" NOT NULL DEFAULT 'received',
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    CONSTRAINT "RectificationRequest_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RectificationEvent" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "kind" "RequestEventKind" NOT NULL,
    "note" TEXT,
    "newDueAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RectificationEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" TEXT,
    "actorName" TEXT,
    "action" TEXT NOT NULL,
    "childId" TEXT,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "detail" JSONB,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Team_name_key" ON "Team"("name");
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");
CREATE UNIQUE INDEX "User_childId_key" ON "User"("childId");
CREATE INDEX "Session_userId_idx" ON "Session"("userId");
CREATE INDEX "Grant_userId_revokedAt_idx" ON "Grant"("userId", "revokedAt");
CREATE INDEX "Grant_childId_revokedAt_idx" ON "Grant"("childId", "revokedAt");
CREATE UNIQUE INDEX "Child_externalId_key" ON "Child"("externalId");
CREATE UNIQUE INDEX "Person_externalId_key" ON "Person"("externalId");
CREATE INDEX "ChildPerson_personId_idx" ON "ChildPerson"("personId");
CREATE INDEX "Entry_childId_occurredAt_idx" ON "Entry"("childId", "occurredAt" DESC);
CREATE INDEX "Entry_childId_type_occurredAt_idx" ON "Entry"("childId", "type", "occurredAt" DESC);
CREATE UNIQUE INDEX "Entry_childId_externalId_key" ON "Entry"("childId", "externalId");
CREATE UNIQUE INDEX "EntrySection_entryId_position_key" ON "EntrySection"("entryId", "position");
CREATE UNIQUE INDEX "EntryTranslation_entryId_locale_key" ON "EntryTranslation"("entryId", "locale");
CREATE INDEX "EntryExclusion_personId_idx" ON "EntryExclusion"("personId");
CREATE UNIQUE INDEX "Restriction_entryId_key" ON "Restriction"("entryId");
CREATE UNIQUE INDEX "EntryVersion_entryId_version_key" ON "EntryVersion"("entryId", "version");
CREATE UNIQUE INDEX "Attachment_entryId_externalId_key" ON "Attachment"("entryId", "externalId");
CREATE UNIQUE INDEX "StoredFile_storageKey_key" ON "StoredFile"("storageKey");
CREATE INDEX "Contribution_childId_createdAt_idx" ON "Contribution"("childId", "createdAt" DESC);
CREATE INDEX "ConsentDecision_childId_purpose_decidedAt_idx" ON "ConsentDecision"("childId", "purpose", "decidedAt" DESC);
CREATE INDEX "SharingRecord_childId_sharedAt_idx" ON "SharingRecord"("childId", "sharedAt" DESC);
CREATE INDEX "RectificationRequest_childId_receivedAt_idx" ON "RectificationRequest"("childId", "receivedAt" DESC);
CREATE INDEX "RectificationRequest_status_dueAt_idx" ON "RectificationRequest"("status", "dueAt");
CREATE INDEX "RectificationEvent_requestId_createdAt_idx" ON "RectificationEvent"("requestId", "createdAt");
CREATE INDEX "AuditEvent_childId_at_idx" ON "AuditEvent"("childId", "at" DESC);
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at" DESC);
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "User" ADD CONSTRAINT "User_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "User" ADD CONSTRAINT "User_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ChildPerson" ADD CONSTRAINT "ChildPerson_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ChildPerson" ADD CONSTRAINT "ChildPerson_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Entry" ADD CONSTRAINT "Entry_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Entry" ADD CONSTRAINT "Entry_releasedById_fkey" FOREIGN KEY ("releasedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "EntrySection" ADD CONSTRAINT "EntrySection_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EntryTranslation" ADD CONSTRAINT "EntryTranslation_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EntryExclusion" ADD CONSTRAINT "EntryExclusion_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EntryExclusion" ADD CONSTRAINT "EntryExclusion_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Restriction" ADD CONSTRAINT "Restriction_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RestrictionReview" ADD CONSTRAINT "RestrictionReview_restrictionId_fkey" FOREIGN KEY ("restrictionId") REFERENCES "Restriction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RestrictionReview" ADD CONSTRAINT "RestrictionReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "EntryVersion" ADD CONSTRAINT "EntryVersion_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "EntryVersion" ADD CONSTRAINT "EntryVersion_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ImportRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_helpedById_fkey" FOREIGN KEY ("helpedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ContributionResponse" ADD CONSTRAINT "ContributionResponse_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ContributionResponse" ADD CONSTRAINT "ContributionResponse_responderId_fkey" FOREIGN KEY ("responderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ContributionAttachment" ADD CONSTRAINT "ContributionAttachment_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ContributionAttachment" ADD CONSTRAINT "ContributionAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ConsentDecision" ADD CONSTRAINT "ConsentDecision_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ConsentDecision" ADD CONSTRAINT "ConsentDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SharingRecord" ADD CONSTRAINT "SharingRecord_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SharingRecord" ADD CONSTRAINT "SharingRecord_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "SharingRecord" ADD CONSTRAINT "SharingRecord_consentDecisionId_fkey" FOREIGN KEY ("consentDecisionId") REFERENCES "ConsentDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "SharingRecord" ADD CONSTRAINT "SharingRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RectificationRequest" ADD CONSTRAINT "RectificationRequest_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RectificationRequest" ADD CONSTRAINT "RectificationRequest_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "RectificationRequest" ADD CONSTRAINT "RectificationRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RectificationRequest" ADD CONSTRAINT "RectificationRequest_helpedById_fkey" FOREIGN KEY ("helpedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "RectificationEvent" ADD CONSTRAINT "RectificationEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RectificationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RectificationEvent" ADD CONSTRAINT "RectificationEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Append-only tables: history is never rewritten, whoever connects.
CREATE FUNCTION "forbid_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Statement-level, so even a statement that matches no rows is refused.
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditEvent" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
CREATE TRIGGER "EntryVersion_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "EntryVersion" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
CREATE TRIGGER "ConsentDecision_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "ConsentDecision" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
CREATE TRIGGER "SharingRecord_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "SharingRecord" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
CREATE TRIGGER "RectificationEvent_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "RectificationEvent" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
CREATE TRIGGER "RestrictionReview_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "RestrictionReview" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
