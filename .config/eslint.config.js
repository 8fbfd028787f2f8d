import tseslint from "typescript-eslint";

// Layer boundaries (ARCHITECTURE.md): routes and components never reach the database client,
// components/ui knows no domain, and one domain module does not reach into another's files:
// cross-module imports go through the module's index.ts.
const domains = ["access", "accounts", "audit", "auth", "calendar", "contributions", "consent", "demo", "files", "imports", "notifications", "pdf", "records", "rectification", "restrictions", "translations", "uploads"];

const noDatabase = {
  group: ["**/lib/db", "**/lib/db/*", "@/lib/db", "@/lib/db/*", "@prisma/client", "@prisma/client/*", "**/generated/*"],
  message: "Pages and components load data through a lib/<domain> loader, where the access policy shapes the query.",
};

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", "lib/db/generated/**", "data/**", ".tmp/**", "test-results/**", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noDatabase] }] },
  },
  {
    files: ["components/ui/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [noDatabase, { group: ["@/lib/*", "**/lib/*"], message: "components/ui knows no domain." }] }],
    },
  },
  ...domains.map((domain) => ({
    files: [`lib/${domain}/**`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                ...domains.filter((d) => d !== domain).flatMap((d) => [`../${d}/*`, `!../${d}/index.ts`, `@/lib/${d}/*`, `!@/lib/${d}/index`]),
                // auth's public entries for a Next request: the signed-in session, and the action
                // that checks a secret on the sign-in throttle. Kept out of auth/index.ts so
                // command-line scripts never load next/headers.
                "!../auth/current.ts",
                "!../auth/throttled-action.ts",
                // A domain's page loaders (session, not-found) are its second public entry, kept
                // out of index.ts for the same reason; so are the entry page's form-post helpers.
                ...domains.flatMap((d) => [`!../${d}/loaders.ts`, `!@/lib/${d}/loaders`]),
                "!../records/entry-post.ts",
                // Calendar days without the bank-holiday table, for code pages and the browser share.
                "!../calendar/civil-date.ts",
              ],
              message: "Import another domain through its index.ts, not its internals.",
            },
          ],
        },
      ],
    },
  })),
);
