import { AdvocateEndConfirmPage } from "@/components/advocate/end-confirm-page";
import { loadAdvocacy } from "@/lib/consent/loaders";

type Props = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const [{ childId }, query] = await Promise.all([params, searchParams]);
  return <AdvocateEndConfirmPage view={await loadAdvocacy(childId, query)} />;
}
