import { useLocale } from "~/lib/i18n/use-t";

/** A date and time in Vietnam's time zone, in the page's language. Same text on the server and in the browser. */
export function DateTime({ value, dateOnly = false }: { value: string | Date; dateOnly?: boolean }) {
  const locale = useLocale();
  const date = new Date(value);
  const format = new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: dateOnly ? undefined : "short",
    timeZone: "Asia/Ho_Chi_Minh",
  });
  return <time dateTime={date.toISOString()}>{format.format(date)}</time>;
}
