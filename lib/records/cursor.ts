// Keyset pagination over (occurredAt desc, id desc): a page costs the same on the first page and
// the five-hundredth, whatever the record's size. The cursor holds a time and a random id only.

export type Cursor = { at: Date; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at.getTime()}:${c.id}`).toString("base64url");
}

export function decodeCursor(raw: string | undefined | null): Cursor | null {
  if (!raw || raw.length > 200) return null;
  const [ms, id] = Buffer.from(raw, "base64url").toString("utf8").split(":");
  const at = new Date(Number(ms));
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(at.getTime())) return null;
  return { at, id };
}

/** Rows strictly older than the cursor (newest first). */
export function olderThan(c: Cursor) {
  return { OR: [{ occurredAt: { lt: c.at } }, { occurredAt: c.at, id: { lt: c.id } }] };
}

/** Rows strictly newer than the cursor. */
export function newerThan(c: Cursor) {
  return { OR: [{ occurredAt: { gt: c.at } }, { occurredAt: c.at, id: { gt: c.id } }] };
}
