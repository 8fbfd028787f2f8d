import { redirect } from "next/navigation";
import { loadNewsLink } from "@/lib/news/loaders";

// An item of "what's new" opened: marked seen, then on to where it leads (not found if it is not theirs).
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  redirect(await loadNewsLink((await params).id));
}
