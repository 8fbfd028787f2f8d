import { RequestsPage } from "@/components/corrections/requests-page";
import { loadRequestsOnRecord } from "@/lib/rectification/loaders";

export default async function Page({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  return <RequestsPage view={await loadRequestsOnRecord(childId)} />;
}
