import { ImportRunPage } from "@/components/admin/import-run-page";
import { loadImportRun } from "@/lib/admin/loaders";

export default async function Page({ params }: { params: Promise<{ runId: string }> }) {
  return <ImportRunPage view={await loadImportRun((await params).runId)} />;
}
