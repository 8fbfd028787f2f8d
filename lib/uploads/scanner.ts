import { env } from "../env.ts";
import { log } from "../log.ts";
import { createClamdScanner } from "./clamd.ts";
import { parseClamdAddress } from "./clamd-address.ts";
import { ScannerNotConfigured, UploadRefused } from "./refusals.ts";

// Virus scanning is a seam so tests can point it at a clamd of their own; the app's scanner is
// the one CLAMAV_URL names. Anything that cannot give a verdict throws ScannerUnavailable.
//
// Without a scanner, what happens is a decision, not an accident: on PostgreSQL (a real
// deployment) files are refused unless the operator writes CLAMAV_URL=off; on the embedded demo
// database they are accepted unscanned. Either way unscanned, start-up and the admin's home say so.

export type ScanVerdict = { clean: true } | { clean: false; signature: string };

export interface Scanner {
  /** The verdict on these bytes, or ScannerUnavailable. */
  scan(bytes: Uint8Array): Promise<ScanVerdict>;
  /** Resolves when the scanner answers, else ScannerUnavailable. */
  ping(): Promise<void>;
}

/** What happens to uploaded files: scanned, accepted unscanned (and why), or refused. */
export type Scanning =
  | { mode: "scan"; scanner: Scanner }
  | { mode: "unscanned"; because: "off" | "embedded" }
  | { mode: "refuse" };

/** The rule above, for a CLAMAV_URL value and the database the portal runs on. */
export function scanningFor(clamavUrl: string | undefined, database: "postgres" | "pglite"): Scanning {
  if (clamavUrl === "off") return { mode: "unscanned", because: "off" };
  if (!clamavUrl) return database === "pglite" ? { mode: "unscanned", because: "embedded" } : { mode: "refuse" };
  const address = parseClamdAddress(clamavUrl);
  // env.ts refuses an unparseable CLAMAV_URL at start-up; this only satisfies the type checker.
  if (!address) throw new Error("CLAMAV_URL is not a clamd address");
  return { mode: "scan", scanner: createClamdScanner(address) };
}

/** The portal's own rule, from CLAMAV_URL and DATABASE_URL (unset means the embedded database). */
export function configuredScanning(): Scanning {
  return scanningFor(env.CLAMAV_URL, env.DATABASE_URL ? "postgres" : "pglite");
}

/** What start-up and the admin's home warn about: null when every file is scanned. */
export type ScanningWarning = "off" | "embedded" | "missing";

export function scanningWarning(scanning: Scanning = configuredScanning()): ScanningWarning | null {
  if (scanning.mode === "scan") return null;
  return scanning.mode === "refuse" ? "missing" : scanning.because;
}

/** The scanner CLAMAV_URL names, or null when there is none (see Scanning for what then happens). */
export function configuredScanner(): Scanner | null {
  const scanning = configuredScanning();
  return scanning.mode === "scan" ? scanning.scanner : null;
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

/**
 * Refuses infected bytes; lets ScannerUnavailable through so the file waits, never passes; and
 * throws ScannerNotConfigured where files may not go unscanned.
 */
export async function refuseIfInfected(bytes: Uint8Array, scanning: Scanning, field?: string): Promise<void> {
  if (scanning.mode === "refuse") throw new ScannerNotConfigured();
  if (scanning.mode === "unscanned") return;
  const verdict = await scanning.scanner.scan(bytes);
  if (verdict.clean) return;
  // The signature's name says what was found, never who sent it or what the file was called.
  log.warn("upload refused: virus found", { signature: verdict.signature });
  throw new UploadRefused("upload.virus", field);
}
