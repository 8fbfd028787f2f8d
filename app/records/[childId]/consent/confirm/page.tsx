import { ConsentConfirmPage } from "@/components/consent/confirm-page";
import { loadConsentConfirmation } from "@/lib/consent/loaders";

type Props = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const [{ childId }, query] = await Promise.all([params, searchParams]);
  return <ConsentConfirmPage view={await loadConsentConfirmation(childId, query)} />;
}
