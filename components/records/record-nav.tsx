import Link from "next/link";
import { audienceOf, mayReadAccessLog, readerOf, type Actor, type Reader } from "@/lib/access";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { Icon, type IconName } from "../ui/icon";

type T = Awaited<ReturnType<typeof getT>>;
type RecordRef = { id: string; name: string };
type Choice = { key: string; href: string; icon: IconName; label: string; file?: boolean };

/**
 * The parts of a record this viewer may use, in their own words ("Your things", "Amira's things").
 * The first few are the big choices; the rest wait under "More" (staff, at their desks, get all).
 */
function choicesFor(actor: Actor, record: RecordRef, t: T): { main: Choice[]; more: Choice[] } {
  const reader = readerOf(actor);
  const name = { name: record.name };
  const byReader = (key: string) => t(`byReader.${key}.${reader}`, name);
  const id = record.id;
  const main: Choice[] = [
    { key: "contributions", href: paths.contributions(id), icon: "message", label: byReader("navContributions") },
    { key: "things", href: paths.things(id), icon: "star", label: byReader("navThings") },
    { key: "corrections", href: paths.corrections(id), icon: "pencil", label: byReader("navCorrections") },
    { key: "consent", href: paths.consent(id), icon: "eye", label: byReader("navConsent") },
    // An advocate is the child's own: parents and carers neither see nor change it.
    ...(audienceOf(actor) !== "family" ? [{ key: "advocate", href: paths.advocate(id), icon: "person" as const, label: byReader("navAdvocate") }] : []),
  ];
  const more: Choice[] = [
    ...(reader !== "staff" ? [{ key: "withheld", href: paths.withheld(id), icon: "lock" as const, label: t("nav.withheld") }] : []),
    ...(mayReadAccessLog(actor) ? [{ key: "accessLog", href: paths.accessLog(id), icon: "clock" as const, label: t("nav.accessLog") }] : []),
    { key: "download", href: paths.download(id), icon: "download", label: t("nav.download"), file: true },
    { key: "glossary", href: paths.glossary(), icon: "book", label: t("nav.glossary") },
  ];
  return reader === "staff" ? { main: [...main, ...more], more: [] } : { main, more };
}

function ChoiceLink({ choice, className }: { choice: Choice; className: string }) {
  const content = (
    <>
      <Icon name={choice.icon} />
      <span>{choice.label}</span>
      {choice.file ? null : <Icon name="forward" className="icon-end" />}
    </>
  );
  // A file, not a page: a plain link so the browser downloads it.
  return choice.file ? (
    <a href={choice.href} className={className}>{content}</a>
  ) : (
    <Link href={choice.href} className={className} prefetch={false}>{content}</Link>
  );
}

/** The record's first screen: its parts as large tiles with an icon and words, the rest under "More". */
export async function RecordChoices({ actor, record }: { actor: Actor; record: RecordRef }) {
  const t = await getT("record");
  const reader: Reader = readerOf(actor);
  const { main, more } = choicesFor(actor, record, t);
  return (
    <nav aria-label={t(`byReader.choicesLabel.${reader}`, { name: record.name })} className="record-nav">
      <ul className="tiles">
        {main.map((c) => (
          <li key={c.key}><ChoiceLink choice={c} className="tile" /></li>
        ))}
      </ul>
      {more.length ? (
        // A <details>, so the rest opens with JavaScript off and by keyboard.
        <details className="record-more">
          <summary className="tile">
            <Icon name="more" />
            <span>{t(`byReader.moreChoices.${reader}`, { name: record.name })}</span>
            <Icon name="down" className="icon-end" />
          </summary>
          <ul className="plain-list more-list">
            {more.map((c) => (
              <li key={c.key}><ChoiceLink choice={c} className="tile" /></li>
            ))}
          </ul>
        </details>
      ) : null}
    </nav>
  );
}

/** Every other page of a record: one way back to its first screen, where the parts are chosen. */
export async function RecordNav({ actor, record }: { actor: Actor; record: RecordRef }) {
  const t = await getT("record");
  return (
    <p className="back-link">
      <Link href={paths.record(record.id)} prefetch={false}>
        <Icon name="back" />
        {t(`byReader.backToRecord.${readerOf(actor)}`, { name: record.name })}
      </Link>
    </p>
  );
}
