-- Translations written in the portal (issue 10), with a two-person rule: one member of staff
-- submits a translation of an entry (naming who translated it), and a different one checks it
-- before anyone sees it. Approval writes the EntryTranslation in the same transaction. Both tables
-- are append-only; a returned translation is followed by a new submission, never edited.
CREATE TYPE "TranslationCheckOutcome" AS ENUM ('approved', 'returned');

CREATE TABLE "TranslationDraft" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "entryVersion" INTEGER NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sections" TEXT[],
    "translatedBy" TEXT NOT NULL,
    "submittedById" TEXT NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "TranslationDraft_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "TranslationDraft_entryId_locale_submittedAt_idx" ON "TranslationDraft"("entryId", "locale", "submittedAt" DESC);

ALTER TABLE "TranslationDraft" ADD CONSTRAINT "TranslationDraft_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TranslationDraft" ADD CONSTRAINT "TranslationDraft_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "TranslationCheck" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "outcome" "TranslationCheckOutcome" NOT NULL,
    "note" TEXT NOT NULL,
    "checkedById" TEXT NOT NULL,
    "checkedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "TranslationCheck_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "TranslationCheck_draftId_key" ON "TranslationCheck"("draftId");

ALTER TABLE "TranslationCheck" ADD CONSTRAINT "TranslationCheck_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "TranslationDraft"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TranslationCheck" ADD CONSTRAINT "TranslationCheck_checkedById_fkey" FOREIGN KEY ("checkedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The two-person rule, held by the database too: whoever submitted a translation cannot check it.
CREATE FUNCTION "translation_checked_by_another"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "TranslationDraft" WHERE "id" = NEW."draftId" AND "submittedById" = NEW."checkedById") THEN
    RAISE EXCEPTION 'a translation is checked by someone other than who submitted it' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "TranslationCheck_two_people" BEFORE INSERT ON "TranslationCheck" FOR EACH ROW EXECUTE FUNCTION "translation_checked_by_another"();

CREATE TRIGGER "TranslationDraft_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "TranslationDraft" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
CREATE TRIGGER "TranslationCheck_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "TranslationCheck" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
