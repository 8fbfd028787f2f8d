import { fileKind } from "@/lib/files/media-kind";
import { formatFileSize, isolate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import type { EntryView } from "@/lib/records/entry";

type Readable = Extract<EntryView, { kind: "readable" }>;

export async function EntryFiles({ childId, entry, locale }: { childId: string; entry: Readable; locale: string }) {
  if (!entry.belongsToChild && entry.attachments.length === 0) return null;
  const [t, tf] = await Promise.all([getT("record"), getT("files")]);
  return (
    <section aria-labelledby="entry-files" className="stack">
      <h2 id="entry-files">{t("entry.attachments")}</h2>
      {entry.originalLocation ? <p>{t("entry.originalIsAt", { place: isolate(entry.originalLocation) })}</p> : null}
      {entry.attachments.length ? (
        <ul>
          {entry.attachments.map((a) => (
            <li key={a.id}>
              <a href={paths.file(childId, a.id)} dir="auto">{t("things.download", { name: a.fileName })}</a>{" "}
              <span className="hint">({tf("details", { kind: tf(`kinds.${fileKind(a.mediaType)}`), size: formatFileSize(a.size, locale) })})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
