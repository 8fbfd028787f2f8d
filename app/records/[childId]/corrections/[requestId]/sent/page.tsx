import { RequestSentPage } from "@/components/corrections/sent-page";
import { loadRequest } from "@/lib/rectification/loaders";

export default async function Page({ params }: { params: Promise<{ childId: string; requestId: string }> }) {
  const { childId, requestId } = await params;
  return <RequestSentPage view={await loadRequest(childId, requestId)} />;
}
