import { isolate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import type { EntryView } from "@/lib/records/entry";
import { FileList } from "../files/file-list";

type Readable = Extract<EntryView, { kind: "readable" }>;

export async function EntryFiles({ childId, entry, locale }: { childId: string; entry: Readable; locale: string }) {
  if (!entry.belongsToChild && entry.attachments.length === 0) return null;
  const t = await getT("record");
  return (
    <section aria-labelledby="entry-files" className="stack">
      <h2 id="entry-files">{t("entry.attachments")}</h2>
      {entry.originalLocation ? <p>{t("entry.originalIsAt", { place: isolate(entry.originalLocation) })}</p> : null}
      {entry.attachments.length ? (
        <FileList files={entry.attachments} href={(id) => paths.file(childId, id)} linkText={(name) => t("things.download", { name })} locale={locale} />
      ) : null}
    </section>
  );
}
