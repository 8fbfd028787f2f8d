import { RequestPage } from "@/components/corrections/request-page";
import { loadRequest } from "@/lib/rectification/loaders";

type Props = { params: Promise<{ childId: string; requestId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const DONE = new Set(["answered", "withdrawn", "disagreement", "question", "extended", "decided", "told", "replied", "answerSent"]);

export default async function Page({ params, searchParams }: Props) {
  const [{ childId, requestId }, query] = await Promise.all([params, searchParams]);
  const done = typeof query.done === "string" && DONE.has(query.done) ? query.done : undefined;
  return <RequestPage view={{ ...(await loadRequest(childId, requestId)), done }} />;
}
