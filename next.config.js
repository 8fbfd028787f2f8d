/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly from its own package folder; argon2 is a native addon; PDFKit
  // (the record copy) loads its fonts' data and fontkit's tables from its package folder;
  // heic-decode's libheif is a 2 MB Emscripten bundle with dynamic requires, loaded as shipped.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pglite-prisma-adapter", "pdfkit", "heic-decode", "sharp"],
  // Contributions post up to 5 files of 10 MB each with their text (lib/contributions/rules.ts).
  experimental: { serverActions: { bodySizeLimit: "52mb" } },
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Cache-Control", value: "no-store" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          // Not "no-referrer": with it Chromium sends "Origin: null" on plain form posts, and the
          // server-action origin check then refuses every no-JavaScript form.
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
