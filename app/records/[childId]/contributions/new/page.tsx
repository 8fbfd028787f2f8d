import { ContributionFormPage } from "@/components/contributions/contribution-form-page";
import { loadContributionForm } from "@/lib/contributions/loaders";

type Props = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const [{ childId }, query] = await Promise.all([params, searchParams]);
  return <ContributionFormPage view={await loadContributionForm(childId, query)} />;
}
