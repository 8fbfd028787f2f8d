import { SetUpPage } from "@/components/security/security-pages";
import { loadSetUp } from "@/lib/auth/second-factor-loaders";

export default async function Page() {
  return <SetUpPage view={await loadSetUp()} />;
}
