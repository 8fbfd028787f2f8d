import { ThingsPage } from "@/components/records/things-page";
import { loadThings } from "@/lib/records";

export default async function Page({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  return <ThingsPage view={await loadThings(childId)} />;
}
