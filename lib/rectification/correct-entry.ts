import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "../access/index.ts";
import type { Prisma } from "../db/index.ts";
import { Invalid } from "../errors/index.ts";

type Tx = Prisma.TransactionClient;
export type Fix = { entryId: string; position: number; text: string };

/**
 * A corrected entry becomes a new version: its parts are rewritten where corrected and the
 * version before stays whole in EntryVersion (append-only), readable by the same people, marked
 * as replaced by this correction. Translations of the old wording no longer match it, so they are
 * taken off the entry (their text stays in the earlier version's content) until translated again.
 */
export async function correctEntry(tx: Tx, input: { entryId: string; fixes: Fix[]; requestId: string; actor: Actor; now: Date }) {
  const entry = await tx.entry.findUniqueOrThrow({
    where: { id: input.entryId },
    include: { sections: { orderBy: { position: "asc" } }, versions: { orderBy: { version: "desc" }, take: 1 } },
  });
  for (const fix of input.fixes) {
    if (!entry.sections.some((s) => s.position === fix.position)) throw new Invalid("No such part", [{ path: "fix", message: "corrections:errors.noSuchPart" }]);
  }
  const texts = new Map(input.fixes.map((f) => [f.position, f.text]));
  const previous = (entry.versions[0]?.content ?? {}) as Record<string, unknown>;
  const sections = entry.sections.map((s) => ({ text: texts.get(s.position) ?? s.text, nature: s.nature, source: s.source, ...(s.sourceName ? { sourceName: s.sourceName } : {}) }));
  const content = { ...previous, sections, correction: { request: input.requestId, at: input.now.toISOString(), by: input.actor.displayName } };
  const contentHash = createHash("sha256").update(JSON.stringify(content)).digest("hex");
  const version = entry.version + 1;
  for (const [position, text] of texts) {
    await tx.entrySection.update({ where: { entryId_position: { entryId: entry.id, position } }, data: { text } });
  }
  await tx.entryTranslation.deleteMany({ where: { entryId: entry.id } });
  await tx.entry.update({ where: { id: entry.id }, data: { version, contentHash } });
  await tx.entryVersion.create({ data: { entryId: entry.id, version, contentHash, content: content as Prisma.InputJsonValue, createdAt: input.now } });
}
