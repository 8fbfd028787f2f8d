import { EntryPage } from "@/components/records/entry-page";
import { loadEntry } from "@/lib/records/loaders";

type Props = { params: Promise<{ childId: string; entryId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const [{ childId, entryId }, query] = await Promise.all([params, searchParams]);
  return <EntryPage view={await loadEntry(childId, entryId, query)} />;
}
