import { SentPage } from "@/components/contributions/sent-page";
import { loadContribution } from "@/lib/contributions/loaders";

export default async function Page({ params }: { params: Promise<{ childId: string; contributionId: string }> }) {
  const { childId, contributionId } = await params;
  return <SentPage view={await loadContribution(childId, contributionId)} />;
}
