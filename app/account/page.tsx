import { AccountPage } from "@/components/account/account-page";
import { loadAccount } from "@/lib/home/load-account";

export default async function Page({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const [view, { done }] = await Promise.all([loadAccount(), searchParams]);
  return <AccountPage view={view} done={done === "password" || done === "recovery-code" ? done : undefined} />;
}
