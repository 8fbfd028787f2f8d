// Dates and sizes in the reader's language. Records are English councils' records, so times are
// shown in UK time whatever the server's own time zone is.
const TIME_ZONE = "Europe/London";
// The app's language codes, as Intl should read them (English here is British English).
const INTL_LOCALE: Record<string, string> = { en: "en-GB", ur: "ur-PK" };
const intl = (locale: string) => INTL_LOCALE[locale] ?? locale;

// How each language says a time of day. Urdu's standard short time ends in a Latin "AM"/"PM",
// which a right-to-left line shows before the number ("کو PM 12:00"): Urdu says the part of the
// day in words instead ("12:00 دوپہر"). English (British) uses the 24-hour clock.
const TIME_OPTIONS: Record<string, Intl.DateTimeFormatOptions> = {
  ur: { year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", dayPeriod: "short" },
};

// Making an Intl formatter costs ~70× using one, and a page formats dozens of dates: keep one
// per language and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    const style = withTime ? (TIME_OPTIONS[locale] ?? { dateStyle: "long", timeStyle: "short" }) : { dateStyle: "long" as const };
    f = new Intl.DateTimeFormat(intl(locale), { ...style, timeZone: TIME_ZONE });
    formatters.set(key, f);
  }
  return f;
}

export function formatDate(date: Date, locale: string): string {
  return dateFormatter(locale, false).format(date);
}

export function formatDateTime(date: Date, locale: string): string {
  return dateFormatter(locale, true).format(date);
}

/** An ISO date-time for <time dateTime>. */
export function isoDateTime(date: Date): string {
  return date.toISOString();
}

/**
 * A file's size as people say it: "613 bytes", "12.5 kB", "1.2 MB" (in Urdu "613 بائٹس").
 * Whole bytes are spelled out (the short form is the bare, singular "byte"); kB and MB are the
 * decimal units their symbols mean.
 */
export function formatFileSize(bytes: number, locale: string): string {
  const [unit, value] = bytes < 1000 ? (["byte", bytes] as const) : bytes < 1_000_000 ? (["kilobyte", bytes / 1000] as const) : (["megabyte", bytes / 1_000_000] as const);
  return new Intl.NumberFormat(intl(locale), {
    style: "unit",
    unit,
    unitDisplay: unit === "byte" ? "long" : "short",
    maximumFractionDigits: 1,
  }).format(value);
}

/**
 * Keeps a name, number or other run of text in its own direction inside a sentence of another
 * (FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE, the plain-text form of <bdi>): for names put
 * into translated strings, where a tag cannot go.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** A day such as a due date ("YYYY-MM-DD", a day in England), with its weekday: "Monday 4 January 2027". */
export function formatDay(day: string, locale: string): string {
  let f = dayFormatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(intl(locale), { dateStyle: "full", timeZone: "UTC" });
    dayFormatters.set(locale, f);
  }
  return f.format(new Date(`${day}T12:00:00Z`));
}
