// Dates and sizes in the reader's language. Records are English councils' records, so times are
// shown in UK time whatever the server's own time zone is.
const TIME_ZONE = "Europe/London";
// The app's language codes, as Intl should read them (English here is British English).
const INTL_LOCALE: Record<string, string> = { en: "en-GB", ur: "ur-PK" };
const intl = (locale: string) => INTL_LOCALE[locale] ?? locale;

// Making an Intl formatter costs ~70× using one, and a page formats dozens of dates: keep one
// per language and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intl(locale), { dateStyle: "long", ...(withTime ? { timeStyle: "short" } : {}), timeZone: TIME_ZONE });
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

export function formatFileSize(bytes: number, locale: string): string {
  const units = ["byte", "kilobyte", "megabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(intl(locale), { style: "unit", unit: units[unit], unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
}
