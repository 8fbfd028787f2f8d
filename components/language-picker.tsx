import { LOCALES, type Locale } from "@/lib/i18n/config";
import { setLocaleAction } from "@/lib/i18n/actions";
import { getT } from "@/lib/i18n/server";
import { Icon } from "./ui/icon";

// A plain form with one button per language, so choosing one is a single press and works with
// JavaScript switched off (the pressed button sends its value). Each language is named in itself.
export async function LanguagePicker({ current }: { current: Locale }) {
  const t = await getT("common");
  return (
    <form action={setLocaleAction} className="language-picker" aria-labelledby="language-label">
      <p id="language-label" className="menu-heading">
        <Icon name="globe" />
        {t("language.label")}
      </p>
      {LOCALES.map((l) => (
        <button key={l} type="submit" name="locale" value={l} lang={l} className="menu-item" aria-current={l === current ? "true" : undefined}>
          {l === current ? <Icon name="check" /> : <span className="icon" />}
          {t(`language.${l}`)}
        </button>
      ))}
    </form>
  );
}
