import { RecoveryCodesPage } from "@/components/security/security-pages";
import { loadRecoveryCodes } from "@/lib/auth/second-factor-loaders";

export default async function Page() {
  const { codes } = await loadRecoveryCodes();
  return <RecoveryCodesPage codes={codes} />;
}
