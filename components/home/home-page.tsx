import Link from "next/link";
import type { HomeView } from "@/lib/home/load-home";
import { maySendContribution } from "@/lib/access";
import { paths } from "@/lib/paths";
import { Inbox } from "../contributions/inbox";
import { OpenRequestsList } from "../corrections/open-requests";
import { ShareReviews } from "./share-reviews";
import { TaskList } from "./task-list";
import { TeamOverview } from "./team-overview";
import { TranslationRequests } from "./translation-requests";
import { AdminHome } from "../admin/admin-home";
import { getT } from "@/lib/i18n/server";
import { Alert } from "../ui/alert";
import { WhatsNew } from "../news/whats-new";
import { WaitingForYou } from "./waiting-for-you";

const headingKey = { child: "young", parent: "family", carer: "family", advocate: "advocate", caseworker: "caseworker", manager: "manager", translator: "translator" } as const;

export async function HomePage({ view }: { view: HomeView }) {
  const t = await getT("home");
  if (view.actor.role === "admin") return <AdminHome uploadWarning={view.uploadWarning} />;
  const k = headingKey[view.actor.role];
  const tc = await getT("contributions");
  const mayAdd = maySendContribution(view.actor);
  return (
    <div className="stack">
      <h1>{t(`${k}.title`, { name: view.actor.displayName })}</h1>
      {view.news ? <WhatsNew actor={view.actor} page={view.news} locale={view.locale} labelled={view.children.length > 1} /> : <p>{t(`${k}.intro`)}</p>}
      <WaitingForYou actor={view.actor} items={view.waiting} locale={view.locale} labelled={view.children.length > 1} />
      {view.done ? <Alert kind="info">{(await getT("staff"))(`done.${view.done}`)}</Alert> : null}
      {view.tasks ? <TaskList list={view.tasks} all={view.allTasks} locale={view.locale} acrossChildren={view.actor.role !== "translator"} /> : null}
      {view.team ? <TeamOverview team={view.team} all={view.allTeam} locale={view.locale} /> : null}
      {view.actor.role === "manager" ? <p><Link href={paths.teamAllocations()} prefetch={false}>{(await getT("admin"))("teamHome.allocations")}</Link></p> : null}
      {view.shareReviews.length ? <ShareReviews waiting={view.shareReviews} /> : null}
      {view.corrections ? <OpenRequestsList open={view.corrections} locale={view.locale} /> : null}
      {view.inbox ? <Inbox page={view.inbox.page} filter={view.inbox.filter} team={view.inbox.team} children={view.children} locale={view.locale} /> : null}
      {view.actor.role === "translator" ? null : <h2>{t(`${k}.recordsHeading`)}</h2>}
      {view.actor.role === "translator" ? null : view.children.length === 0 ? (
        <p>{t(`${k}.none`)}</p>
      ) : (
        <ul className="card-list records-list">
          {view.children.map((c) => (
            <li key={c.id} className="card">
              <Link href={paths.record(c.id)} className="card-title" prefetch={false}><bdi dir="auto">{c.preferredName ?? c.fullName}</bdi></Link>
              {c.preferredName && c.preferredName !== c.fullName && view.actor.role !== "child" ? <span className="hint"> (<bdi dir="auto">{c.fullName}</bdi>)</span> : null}
              {mayAdd ? <p><Link href={paths.newContribution(c.id)} prefetch={false}>{tc("add")}</Link></p> : null}
            </li>
          ))}
        </ul>
      )}
      {view.translationRequests.length ? <TranslationRequests requests={view.translationRequests} /> : null}
    </div>
  );
}
