import { useEffect, useState } from "react";
import { useT } from "~/lib/i18n/use-t";

/** "Print" once JavaScript runs; before that (or without it), a hint to use the browser's own print command. */
export function PrintButton({ label, className = "button button-primary" }: { label: string; className?: string }) {
  const t = useT();
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  if (!scripted) return <span className="muted">{t("issued.print.hint")}</span>;
  return (
    <button type="button" className={className} onClick={() => window.print()}>
      {label}
    </button>
  );
}
