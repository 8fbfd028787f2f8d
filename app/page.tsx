import { HomePage } from "@/components/home/home-page";
import { loadHome } from "@/lib/home/load-home";

export default async function Page() {
  return <HomePage view={await loadHome()} />;
}
