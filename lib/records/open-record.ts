import "server-only";
import { childWhereForActor, type Actor } from "../access/index.ts";
import type { Db } from "../db/index.ts";
import { NotFound } from "../errors/index.ts";

export type OpenRecord = { id: string; name: string };

/** The child whose record this viewer may open, or NotFound (never "forbidden"). */
export async function openRecord(db: Db, actor: Actor, childId: string): Promise<OpenRecord> {
  if (!/^[0-9a-f-]{36}$/i.test(childId)) throw new NotFound();
  const child = await db.child.findFirst({
    where: { AND: [{ id: childId }, childWhereForActor(actor)] },
    select: { id: true, fullName: true, preferredName: true },
  });
  if (!child) throw new NotFound();
  return { id: child.id, name: child.preferredName ?? child.fullName };
}
