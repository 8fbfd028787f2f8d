import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

// TOTP as authenticator apps expect it (RFC 6238: SHA-1, 6 digits, 30-second steps), with otplib 13.
export const STEP_SECONDS = 30;
const ISSUER = "Record Together";

/** A new random secret (20 bytes), base32 as apps take it. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/**
 * The time step of the code if it is right now or one step either side (a phone clock a little
 * off); null otherwise. Whether that step was already used is the caller's to check, against the
 * stored last step in the same statement that records the new one.
 */
export async function matchCode(secret: string, code: string, now: Date): Promise<number | null> {
  try {
    const result = await verify({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: STEP_SECONDS });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** The QR code an app scans, as an SVG data URI: drawn on the server, so it needs no JavaScript. */
export async function setUpQrCode(secret: string, accountLabel: string): Promise<string> {
  const uri = generateURI({ issuer: ISSUER, label: accountLabel, secret });
  const svg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** The secret in groups of four, for typing into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}
