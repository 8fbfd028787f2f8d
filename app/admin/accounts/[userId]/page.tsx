import { AdminAccountPage } from "@/components/admin/account-page";
import { loadAccount } from "@/lib/admin/loaders";

type Props = { params: Promise<{ userId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const [{ userId }, query] = await Promise.all([params, searchParams]);
  return <AdminAccountPage view={await loadAccount(userId, query)} />;
}
