import { ShareFormPage } from "@/components/consent/share-form-page";
import { loadNewShare } from "@/lib/consent/loaders";

export default async function Page({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  return <ShareFormPage view={await loadNewShare(childId)} />;
}
