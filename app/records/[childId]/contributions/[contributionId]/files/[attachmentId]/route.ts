import { loadContributionFile } from "@/lib/contributions/loaders";
import { attachedFileResponse } from "@/lib/files";

type Params = { params: Promise<{ childId: string; contributionId: string; attachmentId: string }> };

// A file sent with a contribution, for someone who may read it; anything else is a plain 404.
// `?inline=1` shows a picture we re-encoded ourselves in the page; everything else is saved.
export async function GET(request: Request, { params }: Params) {
  const { childId, contributionId, attachmentId } = await params;
  return attachedFileResponse(request, await loadContributionFile(childId, contributionId, attachmentId));
}
