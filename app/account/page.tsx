import { AccountPage } from "@/components/account-page";
import { loadAccount } from "@/lib/home/load-account";

export default async function Page() {
  return <AccountPage view={await loadAccount()} />;
}
