import type { Db } from "../db/connect.ts";
import type { Prisma } from "../db/generated/client.ts";
import { NotFound } from "../errors/index.ts";

// A file attached to something in a record: an entry (Attachment), a contribution
// (ContributionAttachment) or a correction request (RectificationAttachment). Each row keeps the
// name and type that thing gave the bytes, which may be stored once for several records. Whoever
// may read the thing may open its files: the caller's where-clause says who that is, so a file
// of anything else cannot be loaded, and is as "not found" as one that does not exist.

/** The owning row's rule, as a where-clause on the file's own table. */
export type FileOwner =
  | { table: "attachment"; where: Prisma.AttachmentWhereInput }
  | { table: "contributionAttachment"; where: Prisma.ContributionAttachmentWhereInput }
  | { table: "rectificationAttachment"; where: Prisma.RectificationAttachmentWhereInput };

export type AttachedFile = {
  /** The entry an entry's own file belongs to: the access log names it. */
  entryId?: string;
  fileName: string;
  mediaType: string;
  /** A picture the portal re-encoded itself, which may be shown in the page. */
  reencoded: boolean;
  storageKey: string;
  size: number;
};

const UUID = /^[0-9a-f-]{36}$/i;
const FILE = { fileName: true, mediaType: true, file: { select: { storageKey: true, size: true } } } as const;
type Row = { fileName: string; mediaType: string; file: { storageKey: string; size: number } };

/** The file `owner.where` finds, when every id named in the URL (`ids`) is well formed; else NotFound. */
export async function findAttachedFile(db: Db, ids: string[], owner: FileOwner): Promise<AttachedFile> {
  if (!ids.every((id) => UUID.test(id))) throw new NotFound();
  const file = await readRow(db, owner);
  if (!file) throw new NotFound();
  return file;
}

const flat = (row: Row, reencoded: boolean) => ({ fileName: row.fileName, mediaType: row.mediaType, reencoded, storageKey: row.file.storageKey, size: row.file.size });

async function readRow(db: Db, owner: FileOwner): Promise<AttachedFile | null> {
  switch (owner.table) {
    case "attachment": {
      // Imported with an entry from the council's case system: never re-encoded here, so always saved.
      const row = await db.attachment.findFirst({ where: owner.where, select: { ...FILE, entryId: true } });
      return row && { entryId: row.entryId, ...flat(row, false) };
    }
    case "contributionAttachment": {
      const row = await db.contributionAttachment.findFirst({ where: owner.where, select: { ...FILE, reencoded: true } });
      return row && flat(row, row.reencoded);
    }
    case "rectificationAttachment": {
      const row = await db.rectificationAttachment.findFirst({ where: owner.where, select: { ...FILE, reencoded: true } });
      return row && flat(row, row.reencoded);
    }
  }
}
