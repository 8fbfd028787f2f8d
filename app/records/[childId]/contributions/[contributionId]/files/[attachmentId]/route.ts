import { loadContributionFile } from "@/lib/contributions/loaders";
import { fileDownloadResponse } from "@/lib/files";

type Params = { params: Promise<{ childId: string; contributionId: string; attachmentId: string }> };

// A file sent with a contribution, for someone who may read it; anything else is a plain 404.
// `?inline=1` shows a picture we re-encoded ourselves in the page; everything else is saved.
export async function GET(request: Request, { params }: Params) {
  const { childId, contributionId, attachmentId } = await params;
  const { file, content } = await loadContributionFile(childId, contributionId, attachmentId);
  const inline = new URL(request.url).searchParams.get("inline") === "1";
  return fileDownloadResponse(file, content, { reencodedImage: inline && file.reencoded });
}
