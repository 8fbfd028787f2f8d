import "server-only";
import type { Db } from "../db/index.ts";

export type EarlierVersion = { version: number; replacedAt: Date; sections: string[] };
export type Disagreement = { name: string; text: string; createdAt: Date };

/**
 * The wording an entry had before each correction made in the portal, for the people who can read
 * the entry now. Only versions a correction replaced are shown: earlier versions from the
 * council's own system may hold what the council later took out, and are not the portal's to show.
 */
export async function findCorrectedVersions(db: Db, entryId: string): Promise<EarlierVersion[]> {
  const versions = await db.entryVersion.findMany({ where: { entryId }, orderBy: { version: "asc" }, select: { version: true, content: true, createdAt: true } });
  const earlier: EarlierVersion[] = [];
  for (let i = 1; i < versions.length; i++) {
    const next = versions[i]!;
    if (!isCorrection(next.content)) continue;
    earlier.push({ version: versions[i - 1]!.version, replacedAt: next.createdAt, sections: sectionTexts(versions[i - 1]!.content) });
  }
  return earlier.reverse();
}

/** Statements of disagreement standing with an entry (the entry itself is checked by the caller). */
export async function findDisagreements(db: Db, entryId: string): Promise<Disagreement[]> {
  const rows = await db.disagreementStatement.findMany({ where: { entryId }, orderBy: { createdAt: "asc" }, select: { text: true, createdAt: true, author: { select: { displayName: true } } } });
  return rows.map((r) => ({ name: r.author.displayName, text: r.text, createdAt: r.createdAt }));
}

function isCorrection(content: unknown): boolean {
  return typeof content === "object" && content !== null && "correction" in content;
}

function sectionTexts(content: unknown): string[] {
  const sections = typeof content === "object" && content !== null ? (content as { sections?: unknown }).sections : undefined;
  return Array.isArray(sections) ? sections.map((s) => (typeof s === "object" && s && typeof (s as { text?: unknown }).text === "string" ? (s as { text: string }).text : "")) : [];
}
