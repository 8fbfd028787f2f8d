import { SharingLogPage } from "@/components/consent/sharing-log-page";
import { loadSharingLog } from "@/lib/consent/loaders";

type Props = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const [{ childId }, query] = await Promise.all([params, searchParams]);
  return <SharingLogPage view={await loadSharingLog(childId, query)} />;
}
