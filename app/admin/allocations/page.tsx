import { AllocationsPage } from "@/components/admin/allocations-page";
import { loadAllocations } from "@/lib/admin/loaders";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ searchParams }: Props) {
  const view = await loadAllocations(await searchParams);
  return <AllocationsPage board={view.board} done={view.done} team={false} />;
}
