import { ChronologyPage } from "@/components/records/chronology-page";
import { loadChronology } from "@/lib/records/loaders";

type Props = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const [{ childId }, query] = await Promise.all([params, searchParams]);
  return <ChronologyPage view={await loadChronology(childId, query)} />;
}
