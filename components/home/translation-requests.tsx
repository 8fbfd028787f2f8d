import Link from "next/link";
import { formatDate, isolate } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import type { OpenTranslationRequest } from "@/lib/translations";

// Staff see readers' requests for translations of their children's entries until one exists.
export async function TranslationRequests({ requests }: { requests: OpenTranslationRequest[] }) {
  const [t, tc, locale] = await Promise.all([getT("home"), getT("common"), getLocale()]);
  return (
    <section aria-labelledby="translation-requests" className="stack">
      <h2 id="translation-requests">{t("translationRequests.title")}</h2>
      <ul className="card-list">
        {requests.map((r) => (
          <li key={r.id} className="card">
            <Link href={paths.entry(r.childId, r.entryId)} prefetch={false}>{r.entryTitle}</Link>
            <p className="hint">
              {t("translationRequests.line", { child: isolate(r.childName), language: tc(`language.${r.locale}`, { defaultValue: r.locale }), date: formatDate(r.requestedAt, locale) })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
