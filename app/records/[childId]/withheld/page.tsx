import { WithheldPage } from "@/components/records/withheld-page";
import { loadWithheld } from "@/lib/records/loaders";

export default async function Page({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  return <WithheldPage view={await loadWithheld(childId)} />;
}
