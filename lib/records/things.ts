import "server-only";
import { readableEntryWhere, type Actor } from "../access/index.ts";
import type { Db } from "../db/index.ts";
import { findAttachedFile } from "../files/index.ts";
import { titleFor } from "./entry-content.ts";

// "My things": what belongs to the child (certificates, drawings, letters), held as copies, with
// where each original is so it can be given back.

export type Thing = {
  entryId: string;
  title: string;
  occurredAt: Date;
  originalLocation: string | null;
  files: { id: string; fileName: string; mediaType: string; size: number }[];
};

export async function findThings(input: { db: Db; actor: Actor; childId: string; locale: string }): Promise<Thing[]> {
  const rows = await input.db.entry.findMany({
    where: { AND: [readableEntryWhere(input.actor, input.childId), { belongsToChild: true }] },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      id: true,
      title: true,
      occurredAt: true,
      originalLocation: true,
      translations: { where: { locale: input.locale }, select: { title: true } },
      // Name and type as this record gave them: the StoredFile is shared by every record holding
      // the same bytes, and its own name is whatever the first of them said.
      attachments: { orderBy: { externalId: "asc" }, select: { id: true, fileName: true, mediaType: true, file: { select: { size: true } } } },
    },
  });
  return rows.map((r) => ({
    entryId: r.id,
    title: titleFor(r),
    occurredAt: r.occurredAt,
    originalLocation: r.originalLocation,
    files: r.attachments.map((a) => ({ id: a.id, fileName: a.fileName, mediaType: a.mediaType, size: a.file.size })),
  }));
}

/** An attachment of an entry the viewer may read (with this record's name and type for it), or NotFound. */
export function findAttachmentForViewer(input: { db: Db; actor: Actor; childId: string; attachmentId: string }) {
  return findAttachedFile(input.db, [input.attachmentId], { table: "attachment", where: { id: input.attachmentId, entry: readableEntryWhere(input.actor, input.childId) } });
}
