import { fileKind } from "@/lib/files/media-kind";
import type { ListedFile } from "@/lib/files/listed-file";
import { formatFileSize } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";

/**
 * Which files are also shown in the page, above their link. "byType": every picture, through its
 * own link (a record's files, described by their item's title, `alt`). "reencoded": only pictures
 * the portal re-encoded itself, through `?inline=1`, described by their name: their routes show
 * nothing else inline.
 */
type Pictures = { show: "byType"; alt: string } | { show: "reencoded" };

type Props = {
  files: ListedFile[];
  href: (fileId: string) => string;
  /** The link's words for one file, as each page says it ("Open …", "Download the file “…”"). */
  linkText: (fileName: string) => string;
  locale: string;
  /** None: a plain list of links. */
  pictures?: Pictures;
  className?: string;
};

// Files as a list of links that keep a copy, each with its kind and size when the list knows it.
export async function FileList({ files, href, linkText, locale, pictures, className }: Props) {
  const tf = await getT("files");
  return (
    <ul className={className}>
      {files.map((f) => (
        <li key={f.id} className={pictures ? "thing-file" : undefined}>
          {pictures ? <Picture file={f} href={href(f.id)} pictures={pictures} /> : null}
          <span>
            <a href={href(f.id)} dir="auto">{linkText(f.fileName)}</a>
            {f.size === undefined ? null : <>{" "}<span className="hint">({tf("details", { kind: tf(`kinds.${fileKind(f.mediaType)}`), size: formatFileSize(f.size, locale) })})</span></>}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Picture({ file, href, pictures }: { file: ListedFile; href: string; pictures: Pictures }) {
  if (pictures.show === "byType") return fileKind(file.mediaType) === "picture" ? <img src={href} alt={pictures.alt} className="thing-picture" loading="lazy" /> : null;
  return file.reencoded ? <img src={`${href}?inline=1`} alt={file.fileName} className="thing-picture" loading="lazy" /> : null;
}
