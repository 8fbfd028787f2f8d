import { WithdrawConfirmPage } from "@/components/contributions/withdraw-confirm-page";
import { loadContribution } from "@/lib/contributions/loaders";

export default async function Page({ params }: { params: Promise<{ childId: string; contributionId: string }> }) {
  const { childId, contributionId } = await params;
  return <WithdrawConfirmPage view={await loadContribution(childId, contributionId)} />;
}
