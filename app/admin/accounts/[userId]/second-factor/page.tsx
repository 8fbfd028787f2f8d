import { AdminSecondFactorPage } from "@/components/security/admin-reset-page";
import { loadAdminSecondFactor } from "@/lib/auth/second-factor-loaders";

type Props = { params: Promise<{ userId: string }>; searchParams: Promise<{ done?: string }> };

export default async function Page({ params, searchParams }: Props) {
  const [{ userId }, { done }] = await Promise.all([params, searchParams]);
  return <AdminSecondFactorPage view={await loadAdminSecondFactor(userId)} done={done === "reset"} />;
}
