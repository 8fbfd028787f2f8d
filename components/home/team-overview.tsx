import { formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { TEAM_KINDS, type CaseworkerLoad, type LateVisit, type TeamOverview as Overview } from "@/lib/tasks";
import { DueCard, DueList, DueSection } from "./due-list";

type T = Awaited<ReturnType<typeof getT>>;

// First on a manager's home: their team's work due and overdue, counted per caseworker, with a
// link to each item, and visits written up more than 5 working days after they happened.
export async function TeamOverview({ team, all, locale }: { team: Overview; all: boolean; locale: string }) {
  const t = await getT("home");
  return (
    <DueSection id="team" heading={t("team.heading")} overdue={team.overdue}>
      <p>{t("team.intro")}</p>
      <h3>{t("team.byCaseworker")}</h3>
      {team.caseworkers.length === 0 ? <p>{t("team.noCaseworkers")}</p> : (
        <ul className="entry-list">{team.caseworkers.map((c) => <Load key={c.id} load={c} t={t} />)}</ul>
      )}
      <h3>{t("team.dueHeading")}</h3>
      {team.tasks.length === 0 ? <p>{t("tasks.none")}</p> : <DueList tasks={team.tasks} all={all} allHref="/?team=all#team" locale={locale} />}
      <h3>{t("team.lateHeading")}</h3>
      {team.lateVisits.length === 0 ? <p>{t("team.lateNone")}</p> : (
        <ul className="entry-list">{team.lateVisits.map((v) => <LateVisitItem key={v.entryId} visit={v} locale={locale} t={t} />)}</ul>
      )}
    </DueSection>
  );
}

function LateVisitItem({ visit: v, locale, t }: { visit: LateVisit; locale: string; t: T }) {
  return (
    <DueCard href={v.href} title={v.title} childName={v.childName} caseworkers={v.caseworkers}>
      <span>{t("team.late", { count: v.workingDays, visited: formatDay(v.occurredOn, locale), written: formatDay(v.recordedOn, locale) })}</span>
    </DueCard>
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
