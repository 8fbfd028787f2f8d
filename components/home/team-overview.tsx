import Link from "next/link";
import { formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { TEAM_KINDS, type CaseworkerLoad, type TeamOverview as Overview } from "@/lib/tasks";
import { TaskItem } from "./task-list";

const SHOWN = 25;
type T = Awaited<ReturnType<typeof getT>>;

// First on a manager's home: their team's work due and overdue, counted per caseworker, with a
// link to each item, and visits written up more than 5 working days after they happened.
export async function TeamOverview({ team, all, locale }: { team: Overview; all: boolean; locale: string }) {
  const t = await getT("home");
  const shown = all ? team.tasks : team.tasks.slice(0, SHOWN);
  return (
    <section className="stack" aria-labelledby="team">
      <h2 id="team">
        {t("team.heading")}{" "}
        {team.overdue ? <strong className="tag tag-overdue">{t("tasks.overdueCount", { count: team.overdue })}</strong> : null}
      </h2>
      <p>{t("team.intro")}</p>
      <h3>{t("team.byCaseworker")}</h3>
      {team.caseworkers.length === 0 ? <p>{t("team.noCaseworkers")}</p> : (
        <ul className="entry-list">{team.caseworkers.map((c) => <Load key={c.id} load={c} t={t} />)}</ul>
      )}
      <h3>{t("team.dueHeading")}</h3>
      {team.tasks.length === 0 ? <p>{t("tasks.none")}</p> : (
        <ol className="entry-list task-list">{shown.map((task) => <TaskItem key={`${task.kind}-${task.id}`} task={task} caseworkers={task.caseworkers} locale={locale} t={t} />)}</ol>
      )}
      {shown.length < team.tasks.length ? <p><Link href="/?team=all#team" prefetch={false}>{t("tasks.all", { count: team.tasks.length })}</Link></p> : null}
      <h3>{t("team.lateHeading")}</h3>
      {team.lateVisits.length === 0 ? <p>{t("team.lateNone")}</p> : (
        <ul className="entry-list">
          {team.lateVisits.map((v) => (
            <li key={v.entryId} className="entry-card">
              <p className="entry-meta">
                <span>{t("team.late", { count: v.workingDays, visited: formatDay(v.occurredOn, locale), written: formatDay(v.recordedOn, locale) })}</span>
                <span>{t("tasks.forChild", { name: v.childName })}</span>
                {v.caseworkers.length ? <span>{t("team.caseworkers", { names: v.caseworkers.join(", ") })}</span> : null}
              </p>
              <Link href={v.href} className="entry-title" prefetch={false}><span dir="auto">{v.title}</span></Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Load({ load, t }: { load: CaseworkerLoad; t: T }) {
  const lines = TEAM_KINDS.filter((k) => load.counts[k].all).map((k) => {
    const c = load.counts[k];
    return t(`tasks.count.${k}`, { count: c.all }) + (c.overdue ? ` (${t("tasks.overdueCount", { count: c.overdue })})` : "");
  });
  if (load.lateVisits) lines.push(t("team.lateCount", { count: load.lateVisits }));
  return (
    <li className="entry-card">
      <h4 className="entry-title"><bdi dir="auto">{load.name}</bdi></h4>
      {lines.length ? <ul>{lines.map((line) => <li key={line}>{line}</li>)}</ul> : <p>{t("team.nothing")}</p>}
    </li>
  );
}
