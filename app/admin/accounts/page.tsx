import { AccountsPage } from "@/components/admin/accounts-page";
import { loadAccounts } from "@/lib/admin/loaders";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ searchParams }: Props) {
  return <AccountsPage view={await loadAccounts(await searchParams)} />;
}
