import { getT } from "@/lib/i18n/server";
import { TASK_KINDS, type TaskList as Tasks } from "@/lib/tasks";
import { DueList, DueSection } from "./due-list";

// First on a caseworker's home: everything waiting on them, soonest due first, overdue tagged,
// with how many of each kind. The list is long only when work piles up: the first 25, then all.
export async function TaskList({ list, all, locale, acrossChildren = true }: { list: Tasks; all: boolean; locale: string; acrossChildren?: boolean }) {
  const t = await getT("home");
  return (
    <DueSection id="tasks" heading={t("tasks.heading")} overdue={list.overdue}>
      {list.tasks.length === 0 ? <p>{t("tasks.none")}</p> : (
        <>
          <p>{t(acrossChildren ? "tasks.intro" : "tasks.introTranslator")}</p>
          <ul className="task-counts">
            {TASK_KINDS.filter((k) => list.counts[k]).map((k) => <li key={k}>{t(`tasks.count.${k}`, { count: list.counts[k] })}</li>)}
          </ul>
          <DueList tasks={list.tasks} all={all} allHref="/?tasks=all#tasks" locale={locale} />
        </>
      )}
    </DueSection>
  );
}
