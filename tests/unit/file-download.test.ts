import { describe, expect, it } from "vitest";
import { fileDownloadResponse } from "../../lib/files/download-response.ts";
import { contentDisposition } from "../../lib/http/content-disposition.ts";

// How every stored file leaves the portal: streamed, saved rather than shown, inert in a browser.

function opened(...pieces: string[]) {
  const bytes = pieces.map((p) => new TextEncoder().encode(p));
  let pulls = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulls < bytes.length) controller.enqueue(bytes[pulls]);
        pulls += 1;
        if (pulls >= bytes.length) controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { content: { size: bytes.reduce((n, b) => n + b.byteLength, 0), stream }, pulls: () => pulls };
}

describe("file download response", () => {
  it("streams the file as an attachment with headers that keep a browser from running it", async () => {
    const { content, pulls } = opened("%PDF-1.7 ", "rest of it");
    const response = fileDownloadResponse({ fileName: "Health report.pdf", mediaType: "application/pdf" }, content);
    expect(Object.fromEntries(response.headers)).toEqual({
      "content-type": "application/pdf",
      "content-length": "19",
      "content-disposition": `attachment; filename="Health report.pdf"; filename*=UTF-8''Health%20report.pdf`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "no-store",
    });
    // Nothing is read until the body is.
    expect(pulls()).toBe(0);
    expect(await response.text()).toBe("%PDF-1.7 rest of it");
  });

  it("shows a picture inline only when the caller re-encoded it, and never a type that can run script", () => {
    const disposition = (mediaType: string, reencodedImage?: boolean) =>
      fileDownloadResponse({ fileName: "drawing", mediaType }, opened("x").content, { reencodedImage }).headers.get("content-disposition")!.split(";")[0];
    expect(disposition("image/png")).toBe("attachment");
    expect(disposition("image/png", false)).toBe("attachment");
    expect(disposition("image/png", true)).toBe("inline");
    expect(disposition("image/jpeg", true)).toBe("inline");
    expect(disposition("image/webp", true)).toBe("inline");
    expect(disposition("image/svg+xml", true)).toBe("attachment");
    expect(disposition("text/html", true)).toBe("attachment");
    expect(disposition("application/pdf", true)).toBe("attachment");
  });
});

describe("content disposition", () => {
  it("gives an ASCII fallback and the exact name in RFC 8187 form", () => {
    expect(contentDisposition("attachment", `Amira's "plan" (v2)*.pdf`)).toBe(
      `attachment; filename="Amira's _plan_ (v2)*.pdf"; filename*=UTF-8''Amira%27s%20%22plan%22%20%28v2%29%2A.pdf`,
    );
    expect(contentDisposition("inline", "امیرہ.png")).toBe(`inline; filename="_____.png"; filename*=UTF-8''%D8%A7%D9%85%DB%8C%D8%B1%DB%81.png`);
    // A line break cannot split the header, and a lone surrogate does not throw.
    expect(contentDisposition("attachment", "a\r\nb\uD800.txt")).toBe(`attachment; filename="a__b_.txt"; filename*=UTF-8''a%0D%0Ab%EF%BF%BD.txt`);
  });
});
