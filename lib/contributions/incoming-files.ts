import "server-only";
import { Invalid } from "../errors/index.ts";
import { checkUpload, MAX_FILES, ScannerUnavailable, UploadRefused, type SafeFile, type Scanner } from "../uploads/index.ts";

/** A file the sender must change or leave out: `key` is the message in the contributions texts, `fileName` as they named it. */
export class FileRefused extends Invalid {
  constructor(
    readonly key: string,
    readonly fileName: string,
  ) {
    super(`File refused: ${key}`, [{ path: "files", message: `contributions:${key}` }]);
  }
}

/**
 * Safe copies of the files sent with a contribution, checked one at a time (never all decoded at
 * once), stopping at the first refusal. A scanner that is configured but cannot be reached
 * refuses too: no file is ever accepted unscanned.
 */
export type IncomingFile = { name: string; read(): Promise<Uint8Array> };

export async function checkIncomingFiles(uploads: readonly IncomingFile[], options: { scanner?: Scanner } = {}): Promise<SafeFile[]> {
  if (uploads.length > MAX_FILES) throw new FileRefused("errors.tooManyFiles", "");
  const files: SafeFile[] = [];
  for (const upload of uploads) {
    try {
      files.push(await checkUpload({ name: upload.name, bytes: await upload.read() }, { field: "files", scanner: options.scanner }));
    } catch (error) {
      if (error instanceof UploadRefused) throw new FileRefused(`errors.${error.problem}`, upload.name);
      if (error instanceof ScannerUnavailable) throw new FileRefused("errors.upload.scannerUnavailable", upload.name);
      throw error;
    }
  }
  return files;
}
