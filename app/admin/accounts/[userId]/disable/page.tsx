import { DisableConfirmPage } from "@/components/admin/disable-confirm-page";
import { loadAccount } from "@/lib/admin/loaders";

export default async function Page({ params }: { params: Promise<{ userId: string }> }) {
  return <DisableConfirmPage view={await loadAccount((await params).userId)} />;
}
