import "server-only";

// Files sent with a contribution (#7): a safe copy of each, or a refusal with a code the page
// translates. Type from the content (file-type), pictures re-encoded without metadata (sharp;
// HEIC through heic-decode), PDFs checked whole and kept as sent, and every file scanned by
// clamd first when CLAMAV_URL is set (without it: refused on PostgreSQL, unscanned on the demo). Pure: it stores nothing; callers store SafeFile.bytes.
export { checkUpload, type CheckUploadOptions, type SafeFile, type UploadInput } from "./check-upload.ts";
export { checkFileCount, checkFileSize, MAX_FILE_BYTES, MAX_FILES, MAX_NAME_LENGTH, MAX_PIXELS } from "./limits.ts";
export { checkFileName } from "./file-name.ts";
export { ScannerNotConfigured, ScannerUnavailable, UploadRefused, UPLOAD_PROBLEMS, type UploadProblem } from "./refusals.ts";
export {
  configuredScanner,
  configuredScanning,
  pingScanner,
  scanningFor,
  scanningWarning,
  type Scanner,
  type Scanning,
  type ScanningWarning,
  type ScanVerdict,
} from "./scanner.ts";
export { createClamdScanner, CLAMD_TIMEOUTS, type ClamdTimeouts } from "./clamd.ts";
export { parseClamdAddress, type ClamdAddress } from "./clamd-address.ts";
export type { SafeMediaType } from "./file-types.ts";
