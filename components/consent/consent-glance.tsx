import type { ShareFormData } from "@/lib/consent";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";

// Before recording a share: each consent topic's current choice, who decided and until when.
export async function ConsentGlance({ topics, locale }: { topics: ShareFormData["topics"]; locale: string }) {
  const t = await getT("consent");
  return (
    <section className="panel stack" aria-labelledby="consent-glance">
      <h2 id="consent-glance">{t("share.glance.heading")}</h2>
      {topics.length === 0 ? <p>{t("share.glance.none")}</p> : (
        <ul className="stack consent-glance">
          {topics.map((topic) => (
            <li key={topic.id}>
              <p>
                <strong><bdi dir="auto">{topic.recipientName || t(`recipients.${topic.recipient}`)}</bdi></strong>{" "}
                <span className={topic.state === "given" ? "tag tag-done" : "tag tag-muted"}>{t(`share.glance.${topic.state}`)}</span>
              </p>
              <p className="hint">
                {t("share.glance.purpose")}: <bdi dir="auto">{topic.purpose}</bdi>
                {topic.by && topic.decidedAt ? <> · {t("share.glance.decided")}: {t("share.glance.decidedBy", { name: topic.by, date: formatDate(topic.decidedAt, locale) })}</> : null}
                {topic.state === "given" || topic.state === "expired" ? <> · {t("share.glance.until")}: {topic.expiresOn ? formatDay(topic.expiresOn, locale) : t("share.glance.noExpiry")}</> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
