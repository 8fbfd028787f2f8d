-- A conversation (issue 16): after a reply, the sender of a contribution or the requester of a
-- correction can answer (with files, under the same rules as the first message), and staff reply
-- again. Messages are history: never changed, never removed. Replies already written stay in
-- "ContributionReply" and read as the staff's messages of the same thread.

-- Who waits for staff, since when, and the day a reply is due (10 working days). An answer sets
-- them, a staff reply clears them; status, outcome and the statutory clock are left alone.
ALTER TABLE "Contribution" ADD COLUMN "answerWaitingSince" TIMESTAMPTZ(3);
ALTER TABLE "Contribution" ADD COLUMN "answerDueOn" DATE;
ALTER TABLE "RectificationRequest" ADD COLUMN "answerWaitingSince" TIMESTAMPTZ(3);
ALTER TABLE "RectificationRequest" ADD COLUMN "answerDueOn" DATE;
CREATE INDEX "Contribution_answerDueOn_idx" ON "Contribution"("answerDueOn");
CREATE INDEX "RectificationRequest_answerDueOn_idx" ON "RectificationRequest"("answerDueOn");

CREATE TABLE "ContributionAnswer" (
    "id" TEXT NOT NULL,
    "contributionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ContributionAnswer_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ContributionAnswer_authorId_submissionKey_key" ON "ContributionAnswer"("authorId", "submissionKey");
CREATE INDEX "ContributionAnswer_contributionId_createdAt_idx" ON "ContributionAnswer"("contributionId", "createdAt");
ALTER TABLE "ContributionAnswer" ADD CONSTRAINT "ContributionAnswer_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ContributionAnswer" ADD CONSTRAINT "ContributionAnswer_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "ContributionAttachment" ADD COLUMN "answerId" TEXT;
CREATE INDEX "ContributionAttachment_answerId_idx" ON "ContributionAttachment"("answerId");
ALTER TABLE "ContributionAttachment" ADD CONSTRAINT "ContributionAttachment_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "ContributionAnswer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "RectificationMessage" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "fromStaff" BOOLEAN NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "RectificationMessage_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "RectificationMessage_authorId_submissionKey_key" ON "RectificationMessage"("authorId", "submissionKey");
CREATE INDEX "RectificationMessage_requestId_createdAt_idx" ON "RectificationMessage"("requestId", "createdAt");
ALTER TABLE "RectificationMessage" ADD CONSTRAINT "RectificationMessage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RectificationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RectificationMessage" ADD CONSTRAINT "RectificationMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "RectificationAttachment" ADD COLUMN "messageId" TEXT;
CREATE INDEX "RectificationAttachment_messageId_idx" ON "RectificationAttachment"("messageId");
ALTER TABLE "RectificationAttachment" ADD CONSTRAINT "RectificationAttachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "RectificationMessage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Messages are history, like a contribution's replies and a request's steps.
CREATE TRIGGER "ContributionAnswer_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "ContributionAnswer" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
CREATE TRIGGER "RectificationMessage_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "RectificationMessage" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();

-- The files sent with a message are part of it. Their tables also hold a draft's files, which
-- its writer may still take off, so only the rows of a message are kept, row by row. A function
-- of its own: "forbid_change" marks a whole table append-only for the app's role (lib/db/roles.ts).
CREATE FUNCTION "keep_message_file"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% of a message is kept: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "ContributionAttachment_keep_answer_files" BEFORE UPDATE OR DELETE ON "ContributionAttachment" FOR EACH ROW WHEN (OLD."answerId" IS NOT NULL) EXECUTE FUNCTION "keep_message_file"();
CREATE TRIGGER "RectificationAttachment_keep_message_files" BEFORE UPDATE OR DELETE ON "RectificationAttachment" FOR EACH ROW WHEN (OLD."messageId" IS NOT NULL) EXECUTE FUNCTION "keep_message_file"();
