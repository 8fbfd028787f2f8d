import { HomePage } from "@/components/home/home-page";
import { loadHome } from "@/lib/home/load-home";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <HomePage view={await loadHome(await searchParams)} />;
}
