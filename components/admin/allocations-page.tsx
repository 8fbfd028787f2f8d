import type { AllocationBoard } from "@/lib/accounts";
import { allocateAction, unallocateAction } from "@/lib/admin/actions";
import { isolate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { StepForm } from "../forms/step-form";
import { Alert } from "../ui/alert";
import { AdminNav } from "./admin-nav";
import { Pager } from "./pager";

type Props = { board: AllocationBoard; done?: string; team: boolean };

// Who is allocated to which child, with allocate and take off. The administrator's covers every
// child; a manager's their own team's children and caseworkers (`team`).
export async function AllocationsPage({ board, done, team }: Props) {
  const t = await getT("admin");
  const page = board.page > 1 ? String(board.page) : "";
  const href = (p: string) => (team ? paths.teamAllocations({ page: p }) : paths.adminAllocations({ page: p }));
  return (
    <div className="stack">
      {team ? null : <AdminNav current="allocations" />}
      <h1>{team ? t("allocations.teamTitle") : t("allocations.title")}</h1>
      <p>{team ? t("allocations.teamIntro") : t("allocations.intro")}</p>
      {done === "allocated" || done === "unallocated" ? <Alert kind="info">{t(`allocations.done.${done}`)}</Alert> : null}
      {board.rows.length === 0 ? <p>{t("allocations.none")}</p> : (
        <ul className="card-list">
          {board.rows.map((row) => {
            const free = board.caseworkers.filter((c) => !row.caseworkers.some((a) => a.id === c.id));
            return (
              <li key={row.childId} className="card stack">
                <h2 className="card-title">{t("create.childOption", { name: isolate(row.name), ref: isolate(row.externalId) })}</h2>
                {row.caseworkers.length === 0 ? <p>{t("allocations.nobody")}</p> : (
                  <ul className="card-list">
                    {row.caseworkers.map((c) => (
                      <li key={c.id}>
                        <p><bdi dir="auto">{c.name}</bdi></p>
                        <StepForm name={`off-${row.childId}-${c.id}`} action={unallocateAction} hidden={{ childId: row.childId, caseworkerId: c.id, page }} fields={[]}
                          submit={t("allocations.takeOff", { name: c.name })} secondary />
                      </li>
                    ))}
                  </ul>
                )}
                {free.length ? (
                  <StepForm name={`on-${row.childId}`} action={allocateAction} hidden={{ childId: row.childId, page }} submit={t("allocations.allocate")}
                    fields={[{ kind: "select", name: "caseworkerId", label: t("allocations.caseworker"), options: [{ value: "", label: t("create.pick") }, ...free.map((c) => ({ value: c.id, label: c.name }))] }]} />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <Pager page={board.page} pages={board.pages} href={href} />
    </div>
  );
}
