import Link from "next/link";
import type { Reader } from "@/lib/access";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatDateTime, formatDay, isoDateTime } from "@/lib/i18n/format";
import { pickResources } from "@/lib/i18n/resources";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import type { RequestDetail } from "@/lib/rectification";
import type { loadRequest } from "@/lib/rectification/loaders";
import { Thread } from "../conversation/thread";
import { I18nProvider } from "../i18n-provider";
import { Alert } from "../ui/alert";
import { ClockLine } from "./clock-line";
import { RequestStatus } from "./request-status";
import { RequesterSteps, StaffSteps } from "./request-steps";

const ICO_COMPLAINTS = "https://ico.org.uk/make-a-complaint/";

type View = Awaited<ReturnType<typeof loadRequest>> & { done?: string };
type T = Awaited<ReturnType<typeof getT>>;

// One correction request: about which entries, the clock, the conversation (what was asked, the
// questions, replies and answers), the outcome with its reasons (and how to complain), every step
// so far, and what this person can do next.
export async function RequestPage({ view }: { view: View }) {
  const [t, tc, tm] = await Promise.all([getT("corrections"), getT("consent"), getT("contributions")]);
  const { record, locale, request: r, staff } = view;
  const open = r.status !== "decided" && r.status !== "withdrawn";
  return (
    <article className="stack">
      <p><Link href={paths.corrections(record.id)} prefetch={false}>{staff ? t("detail.backStaff") : t("detail.back")}</Link></p>
      {view.done ? <Alert kind="info">{t(`detail.done.${view.done}`)}</Alert> : null}
      <p className="entry-meta"><RequestStatus request={r} staff={staff} /><ClockLine clock={r.clock} locale={locale} /></p>
      <h1>{t("detail.title")}</h1>
      <dl className="facts">
        <dt>{t("detail.from")}</dt>
        <dd><bdi dir="auto">{r.requesterName}</bdi>{r.helpedByName && r.helpedByName !== r.requesterName ? <> · {t("detail.helpedBy", { name: r.helpedByName })}</> : null}</dd>
        <dt>{t("detail.received")}</dt>
        <dd><time dateTime={isoDateTime(r.receivedAt)}>{formatDateTime(r.receivedAt, locale)}</time></dd>
        <dt>{t("detail.entries")}</dt>
        <dd>
          {r.entriesHidden ? <p>{t(r.items.length ? `detail.someEntriesHidden.${view.reader}` : `detail.entriesHidden.${view.reader}`)}</p> : null}
          {r.items.length ? <ul className="plain-list">
            {r.items.map((i) => (
              <li key={`${i.entryId}:${i.sectionPosition}`}>
                <Link href={paths.entry(record.id, i.entryId)} prefetch={false}>{i.title}</Link>
                {i.sectionPosition !== null ? <> ({t("detail.part", { n: i.sectionPosition + 1 })})</> : null}
              </li>
            ))}
          </ul> : null}
        </dd>
      </dl>
      <Thread thread={r.thread} locale={locale} conversation={r.conversation} reader={view.reader} closed={r.status === "decided" ? "decided" : null}
        fileHref={(id) => paths.correctionFile(record.id, r.id, id)}
        firstParts={[{ label: t("detail.whatIsWrong"), text: r.whatIsWrong }, { label: t("detail.whatItShouldSay"), text: r.whatItShouldSay }]} />
      {r.extensionReason ? <p>{t("detail.extended", { reason: r.extensionReason })}</p> : null}
      {r.status === "decided" ? <Outcome r={r} t={t} reader={view.reader} /> : null}
      <h2>{t("detail.history")}</h2>
      <History r={r} t={t} locale={locale} />
      <I18nProvider locale={locale as Locale} resources={pickResources(locale as Locale, ["corrections", "contributions"])}>
        {staff ? <StaffSteps view={view} t={t} tc={tc} open={open} /> : <RequesterSteps view={view} t={t} tm={tm} open={open} />}
      </I18nProvider>
    </article>
  );
}

function Outcome({ r, t, reader }: { r: RequestDetail; t: T; reader: Reader }) {
  // Not corrected, and what it was about is kept from them now: they cannot add their view to it
  // here, so the page says so and what they can still do, rather than inviting a statement.
  const cannotAddView = r.fromMe && r.entriesHidden && (r.outcome === "not_corrected" || r.outcome === "partly_corrected");
  return (
    <section className="panel stack" aria-labelledby="outcome-heading">
      <h2 id="outcome-heading">{r.outcome ? t(`outcome.${r.outcome}`) : null}</h2>
      {r.decisionReason ? (<><h3>{t("detail.reasons")}</h3><p className="message-text" dir="auto">{r.decisionReason}</p></>) : null}
      {cannotAddView ? <p>{t(`detail.cannotAddView.${reader}`)}</p> : null}
      {r.outcome !== "corrected" ? <IcoComplaint t={t} /> : null}
    </section>
  );
}

/** How to complain to the ICO: a real link, whose words say where it goes. */
export function IcoComplaint({ t }: { t: T }) {
  return (
    <p>
      {t("detail.ico")} <a href={ICO_COMPLAINTS}>{t("detail.icoLink")}</a> {t("detail.icoPhone")}
    </p>
  );
}

// Questions and their answers are read in the conversation above; the history names the step only.
const IN_THREAD = new Set(["question_asked", "question_answered"]);

function History({ r, t, locale }: { r: RequestDetail; t: T; locale: string }) {
  return (
    <ol className="steps history">
      {r.events.map((e, i) => (
        <li key={i} className="step-done">
          <span>
            <strong>{t(`events.${e.kind.replaceAll("_", "-")}`)}</strong>{" "}
            <time dateTime={isoDateTime(e.at)} className="hint">{formatDate(e.at, locale)}</time>{" "}
            <span className="hint">({e.by})</span>
            {e.dueOn ? <span className="hint"> · {formatDay(e.dueOn, locale)}</span> : null}
          </span>
          {e.note && !IN_THREAD.has(e.kind) ? <span className="message-text" dir="auto">{e.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}
