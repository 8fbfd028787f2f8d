import { attachedFileResponse } from "@/lib/files";
import { loadRequestFile } from "@/lib/rectification/loaders";

type Params = { params: Promise<{ childId: string; requestId: string; attachmentId: string }> };

// Evidence sent with a correction request, for someone who may read the request; else a plain 404.
// `?inline=1` shows a picture we re-encoded ourselves in the page; everything else is saved.
export async function GET(request: Request, { params }: Params) {
  const { childId, requestId, attachmentId } = await params;
  return attachedFileResponse(request, await loadRequestFile(childId, requestId, attachmentId));
}
