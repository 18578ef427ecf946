import { useEffect, useState } from "react";
import { useT } from "~/lib/i18n/use-t";

/**
 * Copies `text` in one click (navigator.clipboard) and says "Đã sao chép" beside the button for a few seconds,
 * announced to screen readers; if the browser refuses, it says to copy by hand.
 */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const t = useT();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = window.setTimeout(() => setState("idle"), 4000);
    return () => window.clearTimeout(timer);
  }, [state]);
  const copy = () => {
    if (!navigator.clipboard) return setState("failed");
    navigator.clipboard.writeText(text).then(
      () => setState("copied"),
      () => setState("failed"),
    );
  };
  return (
    <span className="copy-button">
      <button type="button" className="button button-small" onClick={copy} aria-label={label}>
        {t("share.copy")}
      </button>
      <span
        role="status"
        aria-live="polite"
        className={state === "failed" ? "copy-status copy-status-failed" : "copy-status"}
      >
        {state === "copied" ? t("share.copied") : state === "failed" ? t("share.copyFailed") : ""}
      </span>
    </span>
  );
}
