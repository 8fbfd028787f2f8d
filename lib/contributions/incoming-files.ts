import "server-only";
import { Invalid } from "../errors/index.ts";
import { checkUpload, MAX_FILES, ScannerNotConfigured, ScannerUnavailable, UploadRefused, type SafeFile, type Scanner, type Scanning } from "../uploads/index.ts";

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

/**
 * The files a form sent in its "files" field. A browser sends an empty part with no name when no
 * file was chosen; that one is left out. A chosen file with nothing in it is kept, so the sender
 * is told it is empty instead of it vanishing.
 */
export function filesFromForm(formData: FormData, field = "files"): IncomingFile[] {
  return formData
    .getAll(field)
    .filter((f): f is File => f instanceof File && (f.size > 0 || !isNoFileChosen(f.name)))
    // Each file's bytes are copied out only when its turn to be checked comes.
    .map((f) => ({ name: f.name, read: async () => new Uint8Array(await f.arrayBuffer()) }));
}

/**
 * The name of the empty part sent for a file box left empty: "" from a plain form post; with
 * JavaScript on, Next.js's server-action parser reads that part's filename="" as no name and
 * React then makes `new File(chunks, undefined)`, whose name is the string "undefined".
 */
const isNoFileChosen = (name: string) => name === "" || name === "undefined";

export async function checkIncomingFiles(uploads: readonly IncomingFile[], options: { scanner?: Scanner; scanning?: Scanning } = {}): Promise<SafeFile[]> {
  if (uploads.length > MAX_FILES) throw new FileRefused("errors.tooManyFiles", "");
  const files: SafeFile[] = [];
  for (const upload of uploads) {
    try {
      files.push(await checkUpload({ name: upload.name, bytes: await upload.read() }, { field: "files", ...options }));
    } catch (error) {
      if (error instanceof UploadRefused) throw new FileRefused(`errors.${error.problem}`, upload.name);
      if (error instanceof ScannerUnavailable) throw new FileRefused("errors.upload.scannerUnavailable", upload.name);
      if (error instanceof ScannerNotConfigured) throw new FileRefused("errors.upload.noScanner", upload.name);
      throw error;
    }
  }
  return files;
}
