import { UploadRefused } from "./refusals.ts";

// The limits issue #7 sets for files sent with a contribution.
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 5;
export const MAX_NAME_LENGTH = 200;
// Decoded pixels, checked before decoding: a small file can declare a huge picture (a
// decompression bomb). 50 million covers a 48-megapixel phone photo (8064 × 6048).
export const MAX_PIXELS = 50_000_000;

/** Refuses an empty file or one over MAX_FILE_BYTES (one byte over is over). */
export function checkFileSize(byteLength: number, field?: string): void {
  if (byteLength === 0) throw new UploadRefused("upload.empty", field);
  if (byteLength > MAX_FILE_BYTES) throw new UploadRefused("upload.tooLarge", field);
}

/** Refuses more than MAX_FILES files in one contribution. */
export function checkFileCount(count: number, field = "files"): void {
  if (count > MAX_FILES) throw new UploadRefused("upload.tooMany", field);
}
