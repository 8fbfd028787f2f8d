import { ThingsPage } from "@/components/records/things-page";
import { loadSentThings } from "@/lib/contributions/loaders";
import { loadThings } from "@/lib/records/loaders";

export default async function Page({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  const view = await loadThings(childId); // opens the record (or not found) and logs the view
  return <ThingsPage view={view} sent={await loadSentThings(view.actor, view.record.id)} />;
}
