import { contentDisposition } from "../http/content-disposition.ts";
import type { OpenedBlob } from "./file-store.ts";

// The one way the portal sends a stored file: streamed from the store, saved rather than shown,
// and inert should a browser render it anyway. Every route that sends a file (record attachments,
// contributions, correction requests) answers with this, after its own access check.

export type DownloadOptions = {
  /** The file is a picture the portal re-encoded itself (pixels only, nothing that runs): it may
   * be shown in the page instead of saved. Honoured only for the picture types re-encoding makes. */
  reencodedImage?: boolean;
};

// Types every browser shows as a picture and none runs (unlike SVG, which can hold script).
const INLINE_TYPES: ReadonlySet<string> = new Set(["image/png", "image/jpeg", "image/webp"]);

export function fileDownloadResponse(file: { fileName: string; mediaType: string }, content: OpenedBlob, options: DownloadOptions = {}): Response {
  const inline = options.reencodedImage === true && INLINE_TYPES.has(file.mediaType);
  return new Response(content.stream, {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(content.size),
      "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.fileName),
      // Never guess another type from the bytes (an "image" that is really HTML stays an image).
      "X-Content-Type-Options": "nosniff",
      // Should a browser render it anyway, it runs nothing and loads nothing.
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "no-store",
    },
  });
}

/**
 * An attached file (lib/files attached-file.ts) for its download route: shown in the page only
 * when the page asks (`?inline=1`, for an <img>) and it is a picture we re-encoded; else saved.
 */
export function attachedFileResponse(request: Request, opened: { file: { fileName: string; mediaType: string; reencoded: boolean }; content: OpenedBlob }): Response {
  const inline = new URL(request.url).searchParams.get("inline") === "1";
  return fileDownloadResponse(opened.file, opened.content, { reencodedImage: inline && opened.file.reencoded });
}
