// Where clamd listens, from CLAMAV_URL: `tcp://host:port` or an absolute unix socket path. Kept
// free of imports from the rest of the app because lib/env.ts validates the variable with it.
export type ClamdAddress = { kind: "tcp"; host: string; port: number } | { kind: "unix"; path: string };

/** The address, or null when the text names none (so env.ts can say what is wrong). */
export function parseClamdAddress(text: string): ClamdAddress | null {
  if (text.startsWith("/")) return { kind: "unix", path: text };
  if (!text.startsWith("tcp://")) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const port = Number(url.port);
  const bare = url.pathname === "" || url.pathname === "/";
  if (!url.hostname || !Number.isInteger(port) || port < 1 || !bare || url.search || url.hash || url.username) return null;
  // URL keeps an IPv6 host in brackets; net.connect wants it without.
  return { kind: "tcp", host: url.hostname.replace(/^\[(.*)\]$/, "$1"), port };
}

export const CLAMD_ADDRESS_HINT = "must be tcp://host:port or an absolute unix socket path, e.g. tcp://127.0.0.1:3310";
