import { LOCALES, type Locale } from "@/lib/i18n/config";
import { setLocaleAction } from "@/lib/i18n/actions";
import { getT } from "@/lib/i18n/server";

// A plain form, so choosing a language works with JavaScript switched off.
export async function LanguagePicker({ current }: { current: Locale }) {
  const t = await getT("common");
  return (
    <form action={setLocaleAction} className="language-picker">
      <label htmlFor="locale">{t("language.label")}</label>
      <select id="locale" name="locale" defaultValue={current}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-small">
        {t("language.change")}
      </button>
    </form>
  );
}
