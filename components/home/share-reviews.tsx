import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";

// A manager's home: the children with shares whose reason is kept from the child, awaiting review.
export async function ShareReviews({ waiting }: { waiting: { id: string; name: string; count: number }[] }) {
  const t = await getT("consent");
  return (
    <section className="stack" aria-labelledby="share-reviews">
      <h2 id="share-reviews">{t("review.homeHeading")}</h2>
      <p>{t("review.homeIntro")}</p>
      <ul>
        {waiting.map((c) => (
          <li key={c.id}><Link href={paths.sharingLog(c.id)} prefetch={false}>{t("review.homeLine", { name: c.name, count: c.count })}</Link></li>
        ))}
      </ul>
    </section>
  );
}
