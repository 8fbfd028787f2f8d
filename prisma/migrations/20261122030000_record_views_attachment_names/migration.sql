-- "Who has looked at my record": views of a child's record, one insert each, append-only.
CREATE TABLE "RecordView" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "childId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "part" TEXT NOT NULL,
    "entryId" TEXT,

    CONSTRAINT "RecordView_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RecordView_childId_at_id_idx" ON "RecordView"("childId", "at" DESC, "id" DESC);

ALTER TABLE "RecordView" ADD CONSTRAINT "RecordView_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RecordView" ADD CONSTRAINT "RecordView_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RecordView" ADD CONSTRAINT "RecordView_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TRIGGER "RecordView_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "RecordView" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();

-- The entry page links an entry to the one that replaced it.
CREATE INDEX "Entry_childId_supersedesExternalId_idx" ON "Entry"("childId", "supersedesExternalId");

-- An attachment's name and type belong to the record that gave them, not to the shared bytes.
ALTER TABLE "Attachment" ADD COLUMN "fileName" TEXT;
ALTER TABLE "Attachment" ADD COLUMN "mediaType" TEXT;
UPDATE "Attachment" a SET "fileName" = f."fileName", "mediaType" = f."mediaType" FROM "StoredFile" f WHERE f."id" = a."fileId";
ALTER TABLE "Attachment" ALTER COLUMN "fileName" SET NOT NULL;
ALTER TABLE "Attachment" ALTER COLUMN "mediaType" SET NOT NULL;
