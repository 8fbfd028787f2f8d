import { SharingLogPage } from "@/components/consent/sharing-log-page";
import { loadSharingLog } from "@/lib/consent";

export default async function Page({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  return <SharingLogPage view={await loadSharingLog(childId)} />;
}
