import { formatDate, formatDateTime } from "~/lib/format-time";
import { useLocale } from "~/lib/i18n/use-t";

/** A date and time in Vietnam's time zone, in the page's language. Same text on the server and in the browser. */
export function DateTime({ value, dateOnly = false }: { value: string | Date; dateOnly?: boolean }) {
  const locale = useLocale();
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()}>{dateOnly ? formatDate(date, locale) : formatDateTime(date, locale)}</time>
  );
}
