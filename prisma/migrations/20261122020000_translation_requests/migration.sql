-- A reader's request for an entry in their language.
CREATE TABLE "TranslationRequest" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TranslationRequest_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "TranslationRequest_entryId_locale_requesterId_key" ON "TranslationRequest"("entryId", "locale", "requesterId");
CREATE INDEX "TranslationRequest_childId_requestedAt_idx" ON "TranslationRequest"("childId", "requestedAt" DESC);

ALTER TABLE "TranslationRequest" ADD CONSTRAINT "TranslationRequest_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TranslationRequest" ADD CONSTRAINT "TranslationRequest_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TranslationRequest" ADD CONSTRAINT "TranslationRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
