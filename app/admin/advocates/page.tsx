import { AdvocatesPage } from "@/components/admin/advocates-page";
import { loadAdvocates } from "@/lib/admin/loaders";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ searchParams }: Props) {
  return <AdvocatesPage view={await loadAdvocates(await searchParams)} />;
}
