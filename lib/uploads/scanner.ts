import { env } from "../env.ts";
import { log } from "../log.ts";
import { createClamdScanner } from "./clamd.ts";
import { parseClamdAddress } from "./clamd-address.ts";
import { UploadRefused } from "./refusals.ts";

// Virus scanning is a seam so tests can point it at a clamd of their own; the app's scanner is
// the one CLAMAV_URL names. Anything that cannot give a verdict throws ScannerUnavailable.

export type ScanVerdict = { clean: true } | { clean: false; signature: string };

export interface Scanner {
  /** The verdict on these bytes, or ScannerUnavailable. */
  scan(bytes: Uint8Array): Promise<ScanVerdict>;
  /** Resolves when the scanner answers, else ScannerUnavailable. */
  ping(): Promise<void>;
}

/** The scanner CLAMAV_URL names, or null when it is unset (files are then not scanned). */
export function configuredScanner(): Scanner | null {
  if (!env.CLAMAV_URL) return null;
  const address = parseClamdAddress(env.CLAMAV_URL);
  // env.ts refuses an unparseable CLAMAV_URL at start-up; this only satisfies the type checker.
  if (!address) throw new Error("CLAMAV_URL is not a clamd address");
  return createClamdScanner(address);
}

/**
 * Whether uploads can be scanned now: "ok" when the scanner answers, "not-configured" when
 * CLAMAV_URL is unset, ScannerUnavailable when it is set but does not answer.
 */
export async function pingScanner(scanner: Scanner | null = configuredScanner()): Promise<"ok" | "not-configured"> {
  if (!scanner) return "not-configured";
  await scanner.ping();
  return "ok";
}

/** Refuses infected bytes; lets ScannerUnavailable through so the file waits, never passes. */
export async function refuseIfInfected(bytes: Uint8Array, scanner: Scanner | null, field?: string): Promise<void> {
  if (!scanner) return;
  const verdict = await scanner.scan(bytes);
  if (verdict.clean) return;
  // The signature's name says what was found, never who sent it or what the file was called.
  log.warn("upload refused: virus found", { signature: verdict.signature });
  throw new UploadRefused("upload.virus", field);
}
