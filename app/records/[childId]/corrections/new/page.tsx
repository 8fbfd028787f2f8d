import { RequestFormPage } from "@/components/corrections/request-form-page";
import { loadRequestForm } from "@/lib/rectification/loaders";

type Props = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const [{ childId }, query] = await Promise.all([params, searchParams]);
  return <RequestFormPage view={await loadRequestForm(childId, query)} />;
}
