import { AllocationsPage } from "@/components/admin/allocations-page";
import { loadTeamAllocations } from "@/lib/admin/loaders";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ searchParams }: Props) {
  const view = await loadTeamAllocations(await searchParams);
  return <AllocationsPage board={view.board} done={view.done} team />;
}
