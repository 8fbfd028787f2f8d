import fs from "node:fs";

// Playwright cannot download its own browser here, so use the system's Chromium.
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/snap/bin/chromium"];

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export const HOW_TO_GET_CHROMIUM =
  "Browser tests need Chromium. Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), " +
  "or point CHROMIUM_PATH at a Chromium or Chrome executable, then run npm test again.";
