import { attachedFileResponse } from "@/lib/files";
import { loadAttachment } from "@/lib/records/loaders";

// One attachment's bytes, streamed, for someone who may read its entry; anything else is a plain
// 404. The name and type are the ones this record gave the file (Attachment), not the shared
// StoredFile's. Imported files are not re-encoded by us, so they are always saved, never shown.
export async function GET(request: Request, { params }: { params: Promise<{ childId: string; attachmentId: string }> }) {
  const { childId, attachmentId } = await params;
  return attachedFileResponse(request, await loadAttachment(childId, attachmentId));
}
