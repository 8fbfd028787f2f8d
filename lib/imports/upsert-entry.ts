import type { Prisma } from "../db/generated/client.ts";
import { mapEntryColumns, mapRestriction, mapSections, mapTranslations } from "./map.ts";
import type { PreparedAttachment, PreparedEntry } from "./prepare.ts";
import type { Outcome } from "./tally.ts";

type Tx = Prisma.TransactionClient;

export type EntryScope = {
  childId: string;
  personIds: ReadonlyMap<string, string>;
  importRunId: string;
  uploadedById: string | null;
};

/**
 * Creates the entry, leaves it alone when its content hash is unchanged, or writes a new version.
 * Every version, the first included, is appended to EntryVersion, which is never updated.
 */
export async function upsertEntry(tx: Tx, prepared: PreparedEntry, scope: EntryScope): Promise<Outcome> {
  const { entry, hash } = prepared;
  const existing = await tx.entry.findUnique({
    where: { childId_externalId: { childId: scope.childId, externalId: entry.externalId } },
    select: { id: true, version: true, contentHash: true, restriction: { select: { _count: { select: { reviews: true } } } } },
  });
  if (existing?.contentHash === hash) return "unchanged";

  const fileIds = await registerFiles(tx, prepared.attachments, scope.uploadedById);
  const columns = { ...mapEntryColumns(entry), contentHash: hash };
  const rows = relatedRows(prepared, scope, fileIds);
  const version = existing ? existing.version + 1 : 1;

  const saved = existing
    ? await tx.entry.update({
        where: { id: existing.id },
        data: {
          ...columns,
          version,
          sections: { deleteMany: {}, create: rows.sections },
          translations: { deleteMany: {}, create: rows.translations },
          exclusions: { deleteMany: {}, create: rows.exclusions },
          attachments: { deleteMany: {}, create: rows.attachments },
          restriction: restrictionChange(prepared, existing.restriction?._count.reviews),
        },
        select: { id: true },
      })
    : await tx.entry.create({
        data: {
          ...columns,
          childId: scope.childId,
          externalId: entry.externalId,
          version,
          sections: { create: rows.sections },
          translations: { create: rows.translations },
          exclusions: { create: rows.exclusions },
          attachments: { create: rows.attachments },
          ...(entry.sharing.restriction ? { restriction: { create: mapRestriction(entry.sharing.restriction) } } : {}),
        },
        select: { id: true },
      });

  await tx.entryVersion.create({
    data: { entryId: saved.id, version, contentHash: hash, content: prepared.content as Prisma.InputJsonValue, importId: scope.importRunId },
  });
  return existing ? "updated" : "created";
}

function relatedRows(prepared: PreparedEntry, scope: EntryScope, fileIds: string[]) {
  const { entry } = prepared;
  return {
    sections: mapSections(entry.sections),
    translations: mapTranslations(entry.translations),
    // Validation guarantees each excluded id names a person of this child.
    exclusions: (entry.sharing.excludePeople ?? []).map((id) => ({ personId: scope.personIds.get(id)! })),
    // Each record keeps the name and type its own extract gave: the StoredFile row is shared by
    // every record holding the same bytes and keeps only the name it was first stored under.
    attachments: prepared.attachments.map((a, i) => ({ externalId: a.externalId, fileId: fileIds[i], fileName: a.fileName, mediaType: a.mediaType })),
  };
}

// A restriction that has manager reviews cannot be deleted (reviews are append-only and point at
// it), so when the extract lifts such a restriction the row stays as history; Entry.withChild,
// updated from the file, is what decides whether the child sees the entry.
function restrictionChange(prepared: PreparedEntry, reviewCount: number | undefined) {
  const restriction = prepared.entry.sharing.restriction;
  if (restriction) {
    const data = mapRestriction(restriction);
    return { upsert: { create: data, update: data } };
  }
  return reviewCount === 0 ? { delete: true } : undefined;
}

/**
 * Registers each stored blob once (StoredFile is unique by storageKey); returns file ids in order.
 * The StoredFile's fileName/mediaType are as first stored and shown to nobody; what a record shows
 * is its own Attachment's fileName/mediaType.
 */
async function registerFiles(tx: Tx, attachments: PreparedAttachment[], uploadedById: string | null): Promise<string[]> {
  const ids: string[] = [];
  for (const { blob, fileName, mediaType } of attachments) {
    const file = await tx.storedFile.upsert({
      where: { storageKey: blob.storageKey },
      create: { storageKey: blob.storageKey, sha256: blob.sha256, size: blob.size, fileName, mediaType, uploadedById },
      update: {},
      select: { id: true },
    });
    ids.push(file.id);
  }
  return ids;
}
