import { fileDownloadResponse } from "@/lib/files";
import { loadRequestFile } from "@/lib/rectification/loaders";

type Params = { params: Promise<{ childId: string; requestId: string; attachmentId: string }> };

// Evidence sent with a correction request, for someone who may read the request; else a plain 404.
export async function GET(request: Request, { params }: Params) {
  const { childId, requestId, attachmentId } = await params;
  const { file, content } = await loadRequestFile(childId, requestId, attachmentId);
  const inline = new URL(request.url).searchParams.get("inline") === "1";
  return fileDownloadResponse(file, content, { reencodedImage: inline && file.reencoded });
}
