import Link from "next/link";
import { audienceOf, mayReadAccessLog, readerOf, type Actor } from "@/lib/access";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";

export type RecordPage = "chronology" | "things" | "contributions" | "corrections" | "consent" | "advocate" | "withheld" | "accessLog";

// Links whose words depend on who reads ("My things", "Amira's things").
const BY_READER = { things: "navThings", contributions: "navContributions", corrections: "navCorrections", consent: "navConsent", advocate: "navAdvocate" } as const;

// The record's own menu. Each link appears only where that page has something for this viewer.
export async function RecordNav({ actor, childId, current }: { actor: Actor; childId: string; current: RecordPage | null }) {
  const t = await getT("record");
  const family = ["child", "family"].includes(audienceOf(actor));
  const reader = readerOf(actor);
  const links: { page: RecordPage | "download" | "glossary"; href: string }[] = [
    { page: "chronology", href: paths.record(childId) },
    { page: "things", href: paths.things(childId) },
    { page: "contributions", href: paths.contributions(childId) },
    { page: "corrections", href: paths.corrections(childId) },
    { page: "consent", href: paths.consent(childId) },
    // An advocate is the child's own: parents and carers neither see nor change it.
    ...(audienceOf(actor) !== "family" ? [{ page: "advocate" as const, href: paths.advocate(childId) }] : []),
    ...(family ? [{ page: "withheld" as const, href: paths.withheld(childId) }] : []),
    ...(mayReadAccessLog(actor) ? [{ page: "accessLog" as const, href: paths.accessLog(childId) }] : []),
    { page: "download", href: paths.download(childId) },
    { page: "glossary", href: paths.glossary() },
  ];
  return (
    <nav aria-label={t(`byReader.navLabel.${reader}`)} className="record-nav">
      <ul>
        {links.map((l) => (
          <li key={l.page}>
            {l.page === "download" ? (
              // A file, not a page: a plain link so the browser downloads it.
              <a href={l.href}>{t("nav.download")}</a>
            ) : (
              <Link href={l.href} aria-current={l.page === current ? "page" : undefined} prefetch={false}>
                {l.page in BY_READER ? t(`byReader.${BY_READER[l.page as keyof typeof BY_READER]}.${reader}`) : t(`nav.${l.page}`)}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
