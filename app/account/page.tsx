import { AccountPage } from "@/components/account/account-page";
import { loadAccount } from "@/lib/home/load-account";
import type { AccountDone } from "@/lib/paths";

const DONE: readonly AccountDone[] = ["password", "recovery-code", "codes-off"];

export default async function Page({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const [view, { done }] = await Promise.all([loadAccount(), searchParams]);
  return <AccountPage view={view} done={DONE.find((d) => d === done)} />;
}
