import Link from "next/link";
import { formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { TASK_KINDS, type Task, type TaskList as Tasks } from "@/lib/tasks";

const SHOWN = 25;

// First on a caseworker's home: everything waiting on them, soonest due first, overdue tagged,
// with how many of each kind. The list is long only when work piles up: the first 25, then all.
export async function TaskList({ list, all, locale, acrossChildren = true }: { list: Tasks; all: boolean; locale: string; acrossChildren?: boolean }) {
  const t = await getT("home");
  const shown = all ? list.tasks : list.tasks.slice(0, SHOWN);
  return (
    <section className="stack" aria-labelledby="tasks">
      <h2 id="tasks">
        {t("tasks.heading")}{" "}
        {list.overdue ? <strong className="tag tag-overdue">{t("tasks.overdueCount", { count: list.overdue })}</strong> : null}
      </h2>
      {list.tasks.length === 0 ? <p>{t("tasks.none")}</p> : (
        <>
          <p>{t(acrossChildren ? "tasks.intro" : "tasks.introTranslator")}</p>
          <ul className="task-counts">
            {TASK_KINDS.filter((k) => list.counts[k]).map((k) => <li key={k}>{t(`tasks.count.${k}`, { count: list.counts[k] })}</li>)}
          </ul>
          <ol className="entry-list task-list">{shown.map((task) => <TaskItem key={`${task.kind}-${task.id}`} task={task} locale={locale} t={t} />)}</ol>
          {shown.length < list.tasks.length ? <p><Link href="/?tasks=all#tasks" prefetch={false}>{t("tasks.all", { count: list.tasks.length })}</Link></p> : null}
        </>
      )}
    </section>
  );
}

export async function TaskItem({ task, locale, t, caseworkers }: { task: Task; locale: string; t: Awaited<ReturnType<typeof getT>>; caseworkers?: string[] }) {
  const tc = await getT("contributions");
  const title = task.kind === "contribution" || task.kind === "contributionAnswer" ? tc(`kinds.${task.title}`) : task.kind === "caseSummary" ? t(`tasks.summaryTitle.${task.title}`) : task.title;
  return (
    <li className="entry-card">
      <p className="entry-meta">
        <span className="tag">{t(`tasks.kind.${task.kind}`)}</span>
        {task.overdue ? <strong className="tag tag-overdue">{t("tasks.overdue")}</strong> : null}
        <span><time dateTime={task.dueOn}>{t("tasks.due", { date: formatDay(task.dueOn, locale) })}</time></span>
        {task.childName ? <span>{t("tasks.forChild", { name: task.childName })}</span> : null}
        {caseworkers?.length ? <span>{t("team.caseworkers", { names: caseworkers.join(", ") })}</span> : null}
      </p>
      <Link href={task.href} className="entry-title" prefetch={false}><span dir="auto">{title}</span></Link>
    </li>
  );
}
