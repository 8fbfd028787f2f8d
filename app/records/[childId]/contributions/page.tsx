import { ContributionsPage } from "@/components/contributions/contributions-page";
import { loadContributionsOnRecord } from "@/lib/contributions/loaders";

type Props = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const [{ childId }, query] = await Promise.all([params, searchParams]);
  return <ContributionsPage view={{ ...(await loadContributionsOnRecord(childId)), saved: query.saved === "1" }} />;
}
