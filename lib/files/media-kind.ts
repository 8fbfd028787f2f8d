// What kind of file a media type is, in the words people use for it ("PDF document", "picture"):
// pages name the kind, never the raw media type. Pure, so server and client components can use it.
export type FileKind = "pdf" | "picture" | "file";

// The picture types the import accepts (lib/imports/attachment-bytes.ts), which browsers all show.
const PICTURES: ReadonlySet<string> = new Set(["image/png", "image/jpeg", "image/webp"]);

export function fileKind(mediaType: string): FileKind {
  if (mediaType === "application/pdf") return "pdf";
  return PICTURES.has(mediaType) ? "picture" : "file";
}
