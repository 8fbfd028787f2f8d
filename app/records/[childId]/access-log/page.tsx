import { AccessLogPage } from "@/components/records/access-log-page";
import { loadAccessLog } from "@/lib/records/loaders";

type Props = { params: Promise<{ childId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const [{ childId }, query] = await Promise.all([params, searchParams]);
  return <AccessLogPage view={await loadAccessLog(childId, query)} />;
}
