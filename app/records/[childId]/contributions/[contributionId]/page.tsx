import { ContributionPage } from "@/components/contributions/contribution-page";
import { loadContribution } from "@/lib/contributions/loaders";

type Props = { params: Promise<{ childId: string; contributionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const [{ childId, contributionId }, query] = await Promise.all([params, searchParams]);
  const done = typeof query.done === "string" && ["replied", "added", "original", "answered"].includes(query.done) ? query.done : undefined;
  return <ContributionPage view={{ ...(await loadContribution(childId, contributionId)), done, problem: query.problem === "1" }} />;
}
