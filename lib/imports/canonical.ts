import { createHash } from "node:crypto";
import type { ImportEntry } from "./types.ts";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** JSON with object keys sorted at every level, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function sha256Hex(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * The entry as imported, with each attachment's base64 replaced by the sha256 of its bytes:
 * this is what EntryVersion keeps, and what the content hash is taken over.
 */
export function canonicalEntry(entry: ImportEntry, attachmentHashes: readonly string[]): { content: JsonValue; hash: string } {
  const { attachments, ...rest } = entry;
  const content = { ...rest } as { [key: string]: JsonValue };
  if (attachments) {
    content.attachments = attachments.map(({ contentBase64: _bytes, ...meta }, i) => ({ ...meta, sha256: attachmentHashes[i] }));
  }
  // Serialised once: the text both gives the stored content and is what the hash is taken over.
  const text = canonicalJson(content);
  return { content: JSON.parse(text) as JsonValue, hash: sha256Hex(text) };
}
