import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  root,
  resolve: {
    alias: {
      "server-only": path.join(root, "tests/helpers/empty.ts"),
      "@": root,
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    // Ceilings, not waits: a fresh PGlite database migrates in a few seconds alone, but took over
    // 60 s with the machine's two cores shared with other work (load average 30).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    // The second factor's keys derive from it (lib/auth/second-factor/keys.ts); tests may set their own.
    env: { NEXTAUTH_SECRET: "a test secret that is at least thirty-two characters long" },
  },
});
