-- Every file's bytes in the database (issue 7, "Storage"), written in the same transaction as
-- the row that points at them. Files stored before this live in DATA_DIR/files until the start
-- copies them here (lib/files/move-folder-files.ts): SQL cannot read that folder.

-- One row per content, keyed by its sha256 (the StoredFile's storageKey).
CREATE TABLE "FileBlob" (
    "storageKey" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "chunkCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FileBlob_pkey" PRIMARY KEY ("storageKey"),
    CONSTRAINT "FileBlob_storageKey_check" CHECK ("storageKey" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "FileBlob_size_check" CHECK ("size" >= 0 AND "chunkCount" >= 1)
);

-- Its bytes in chunks of 256 KiB, read one at a time by a download.
CREATE TABLE "FileBlobChunk" (
    "storageKey" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    CONSTRAINT "FileBlobChunk_pkey" PRIMARY KEY ("storageKey","seq"),
    CONSTRAINT "FileBlobChunk_seq_check" CHECK ("seq" >= 0)
);

ALTER TABLE "FileBlobChunk" ADD CONSTRAINT "FileBlobChunk_storageKey_fkey" FOREIGN KEY ("storageKey") REFERENCES "FileBlob"("storageKey") ON DELETE CASCADE ON UPDATE CASCADE;
