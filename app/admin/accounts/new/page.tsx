import { NewAccountPage } from "@/components/admin/new-account-page";
import { loadNewAccount } from "@/lib/admin/loaders";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ searchParams }: Props) {
  return <NewAccountPage view={await loadNewAccount(await searchParams)} />;
}
