import { getT } from "@/lib/i18n/server";
import type { RequestSummary } from "@/lib/rectification";

/** The request's status as a tag: its outcome once decided; staff read "waiting for the requester". */
export async function RequestStatus({ request, staff }: { request: Pick<RequestSummary, "status" | "outcome">; staff: boolean }) {
  const t = await getT("corrections");
  if (request.status === "decided" && request.outcome) {
    return <strong className={request.outcome === "not_corrected" ? "tag tag-muted" : "tag tag-done"}>{t(`outcome.${request.outcome}`)}</strong>;
  }
  const key = staff && request.status === "waiting" ? "statusStaff.waiting" : `status.${request.status}`;
  return <strong className={request.status === "withdrawn" ? "tag tag-muted" : "tag"}>{t(key)}</strong>;
}
