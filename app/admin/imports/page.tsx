import { ImportsPage } from "@/components/admin/imports-page";
import { loadImports } from "@/lib/admin/loaders";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ searchParams }: Props) {
  return <ImportsPage view={await loadImports(await searchParams)} />;
}
