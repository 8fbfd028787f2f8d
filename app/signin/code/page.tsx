import { CodeStepPage } from "@/components/security/security-pages";
import { loadCodeStep } from "@/lib/auth/second-factor-loaders";

export default async function Page() {
  await loadCodeStep();
  return <CodeStepPage />;
}
