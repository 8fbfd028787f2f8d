import { loadAttachment } from "@/lib/records";

// One attachment's bytes, for someone who may read its entry; anything else is a plain 404.
export async function GET(_request: Request, { params }: { params: Promise<{ childId: string; attachmentId: string }> }) {
  const { childId, attachmentId } = await params;
  const { file, bytes } = await loadAttachment(childId, attachmentId);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(bytes.length),
      // The stored name can hold personal data: send it only as the download's name, encoded.
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
