import Link from "next/link";
import type { ReactNode } from "react";
import { formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { Task, TeamTask } from "@/lib/tasks";

// What a caseworker's task list and a manager's team overview share: a section headed with how
// much is overdue, and work in due order, soonest first, each item a card tagged overdue and linked
// to where it is done. A long list shows its first 25, then a link to see them all.

const SHOWN = 25;

/** The section, its heading tagged with the overdue count (no tag when nothing is overdue). */
export async function DueSection({ id, heading, overdue, children }: { id: string; heading: string; overdue: number; children: ReactNode }) {
  const t = await getT("home");
  return (
    <section className="stack" aria-labelledby={id}>
      <h2 id={id}>
        {heading}{" "}
        {overdue ? <strong className="tag tag-overdue">{t("tasks.overdueCount", { count: overdue })}</strong> : null}
      </h2>
      {children}
    </section>
  );
}

/** The tasks, soonest due first; `allHref` opens the whole list when only the first are shown. */
export async function DueList({ tasks, all, allHref, locale }: { tasks: (Task | TeamTask)[]; all: boolean; allHref: string; locale: string }) {
  const t = await getT("home");
  const shown = all ? tasks : tasks.slice(0, SHOWN);
  return (
    <>
      <ol className="entry-list task-list">{shown.map((task) => <TaskItem key={`${task.kind}-${task.id}`} task={task} locale={locale} />)}</ol>
      {shown.length < tasks.length ? <p><Link href={allHref} prefetch={false}>{t("tasks.all", { count: tasks.length })}</Link></p> : null}
    </>
  );
}

async function TaskItem({ task, locale }: { task: Task | TeamTask; locale: string }) {
  const [t, tc] = await Promise.all([getT("home"), getT("contributions")]);
  const title = task.kind === "contribution" || task.kind === "contributionAnswer" ? tc(`kinds.${task.title}`) : task.kind === "caseSummary" ? t(`tasks.summaryTitle.${task.title}`) : task.title;
  return (
    <DueCard href={task.href} title={title} childName={task.childName} caseworkers={"caseworkers" in task ? task.caseworkers : undefined}>
      <span className="tag">{t(`tasks.kind.${task.kind}`)}</span>
      {task.overdue ? <strong className="tag tag-overdue">{t("tasks.overdue")}</strong> : null}
      <span><time dateTime={task.dueOn}>{t("tasks.due", { date: formatDay(task.dueOn, locale) })}</time></span>
    </DueCard>
  );
}

/**
 * One item of work: what is due (`children`), then whose child (a translator's tasks name none) and,
 * on a manager's overview, the child's caseworkers; its title links to where it is done.
 */
export async function DueCard({ href, title, childName, caseworkers, children }: { href: string; title: string; childName: string; caseworkers?: string[]; children: ReactNode }) {
  const t = await getT("home");
  return (
    <li className="entry-card">
      <p className="entry-meta">
        {children}
        {childName ? <span>{t("tasks.forChild", { name: childName })}</span> : null}
        {caseworkers?.length ? <span>{t("team.caseworkers", { names: caseworkers.join(", ") })}</span> : null}
      </p>
      <Link href={href} className="entry-title" prefetch={false}><span dir="auto">{title}</span></Link>
    </li>
  );
}
