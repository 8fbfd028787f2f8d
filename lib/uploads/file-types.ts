import { fileTypeFromBuffer } from "file-type";
import { UploadRefused } from "./refusals.ts";

// What a file is, read from its bytes with file-type (magic numbers), never from its name or the
// type the browser claimed: both are whatever the sender's machine, or an attacker, said.

export type UploadKind = "pdf" | "png" | "jpeg" | "webp" | "heic";

const KINDS: Readonly<Record<string, UploadKind>> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpeg",
  "image/webp": "webp",
  // file-type names HEIF files by their brand: iPhones write "heic"; "mif1" and the sequence
  // brands are the same container, which the HEIC decoder reads or refuses as damaged.
  "image/heic": "heic",
  "image/heif": "heic",
  "image/heic-sequence": "heic",
  "image/heif-sequence": "heic",
};

/** The kind of an allowed file, or UploadRefused("upload.wrongType"). */
export async function detectKind(bytes: Uint8Array, field?: string): Promise<UploadKind> {
  const detected = await fileTypeFromBuffer(bytes);
  const kind = detected && KINDS[detected.mime];
  if (!kind) throw new UploadRefused("upload.wrongType", field);
  return kind;
}

/** What a safe copy of each kind is stored as: HEIC becomes JPEG, which every browser shows. */
export const OUTPUT: Readonly<Record<UploadKind, { mediaType: SafeMediaType; extension: string; alsoNamed: string[] }>> = {
  pdf: { mediaType: "application/pdf", extension: "pdf", alsoNamed: [] },
  png: { mediaType: "image/png", extension: "png", alsoNamed: [] },
  jpeg: { mediaType: "image/jpeg", extension: "jpg", alsoNamed: ["jpeg", "jpe", "jfif"] },
  webp: { mediaType: "image/webp", extension: "webp", alsoNamed: [] },
  heic: { mediaType: "image/jpeg", extension: "jpg", alsoNamed: ["jpeg", "jpe", "jfif"] },
};

export type SafeMediaType = "application/pdf" | "image/png" | "image/jpeg" | "image/webp";
