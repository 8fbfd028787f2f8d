import type { Locale } from "./config.ts";

// Dates and sizes in the reader's language. Records are English councils' records, so times are
// shown in UK time whatever the server's own time zone is.
const TIME_ZONE = "Europe/London";
// The app's language codes, as Intl should read them: English (and easy-read English, which Intl
// would read as US English) as in Britain, Urdu as in Pakistan, Polish, Romanian and Gujarati in
// their own countries, Arabic with no country (families come from many). Always in the digits 0-9,
// as every translation writes its numbers ("{{count}}" goes in as 0-9 too), so a date never mixes
// two kinds of digit with the sentence around it: Arabic's and Gujarati's own digits (٤, ૪) are the
// default in some countries or ICU versions, and "nu-latn" asks for 0-9 whatever the server's ICU.
const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", "en-x-easy": "en-GB", ur: "ur-PK", pl: "pl-PL", gu: "gu-IN-u-nu-latn", ar: "ar-u-nu-latn", ro: "ro-RO" };
const intl = (locale: string) => INTL_LOCALE[locale as Locale] ?? locale;

// How each language says a time of day. Urdu's standard short time ends in a Latin "AM"/"PM",
// which a right-to-left line shows before the number ("کو PM 12:00"): Urdu says the part of the
// day in words instead ("12:00 دوپہر"). Gujarati's ends in a Latin "PM" too: in words as well
// ("12:00 બપોરે"), for readers who read little English. Arabic's own is already in Arabic ("م").
// English (British), Polish and Romanian use the 24-hour clock.
const IN_WORDS: Intl.DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", dayPeriod: "short" };
const TIME_OPTIONS: Partial<Record<Locale, Intl.DateTimeFormatOptions>> = { ur: IN_WORDS, gu: IN_WORDS };

// Making an Intl formatter costs ~70× using one, and a page formats dozens of dates: keep one
// per language and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    const style = withTime ? (TIME_OPTIONS[locale as Locale] ?? { dateStyle: "long", timeStyle: "short" }) : { dateStyle: "long" as const };
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
