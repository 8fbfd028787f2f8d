import { ConsentPage } from "@/components/consent/consent-page";
import { loadConsent } from "@/lib/consent/loaders";

type Props = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const [{ childId }, query] = await Promise.all([params, searchParams]);
  return <ConsentPage view={await loadConsent(childId, query)} />;
}
