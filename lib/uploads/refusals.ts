import { Invalid } from "../errors/index.ts";

// Why a file was refused, as stable codes the pages translate ("upload.tooLarge" → the sender's
// language). Codes never carry the file's name or content, so they are safe to log.
export const UPLOAD_PROBLEMS = [
  "upload.empty",
  "upload.tooLarge",
  "upload.tooMany",
  "upload.badName",
  "upload.wrongType",
  "upload.damaged",
  "upload.tooManyPixels",
  "upload.virus",
  "upload.pdfActive",
  "upload.pdfUnreadable",
] as const;
export type UploadProblem = (typeof UPLOAD_PROBLEMS)[number];

/** A file refused for what it is: an `Invalid` whose one problem names the form field and the code. */
export class UploadRefused extends Invalid {
  constructor(
    readonly problem: UploadProblem,
    field = "file",
  ) {
    super(`Upload refused: ${problem}`, [{ path: field, message: problem }]);
  }
}

/**
 * The virus scanner is configured but did not answer (refused, timed out, or said ERROR). Not the
 * sender's fault and not a verdict on the file: the page says uploads must wait and try later.
 * Never caught to let a file through.
 */
export class ScannerUnavailable extends Error {
  readonly messageKey = "upload.scannerUnavailable";

  constructor(reason: string, options?: { cause?: unknown }) {
    super(`Virus scanner unavailable: ${reason}`, options);
    this.name = "ScannerUnavailable";
  }
}

/**
 * No virus scanner is set up and the portal runs on PostgreSQL (a real deployment), where files
 * are not accepted unscanned unless the operator says so with CLAMAV_URL=off. Not the sender's
 * fault: the page says files cannot be sent here yet.
 */
export class ScannerNotConfigured extends Error {
  readonly messageKey = "upload.noScanner";

  constructor() {
    super("No virus scanner: set CLAMAV_URL to clamd, or to off to accept files unscanned");
    this.name = "ScannerNotConfigured";
  }
}
