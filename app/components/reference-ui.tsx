import { FormAlert } from "./form";
import { useT } from "~/lib/i18n/use-t";
import type { MessageKey } from "~/lib/i18n";

/** The notice after a reference-data form was saved: "saved", or "nothing changed" when the values were the same. */
export function SavedNotice({ saved }: { saved: "1" | "0" | null }) {
  const t = useT();
  if (saved === null) return null;
  return <FormAlert kind="success">{t(saved === "1" ? "reference.saved" : "reference.noChange")}</FormAlert>;
}

/** The alert at the top of a rejected form: its own message if any, else the generic "correct the errors below". */
export function FailureAlert({ failure }: { failure: { formError?: string } | undefined }) {
  const t = useT();
  if (!failure) return null;
  return <FormAlert kind="error">{t((failure.formError ?? "form.errorSummary") as MessageKey)}</FormAlert>;
}

/** "Tỉnh" / "Thành phố" (stored in Vietnamese), in the page's language. */
export function provinceKindKey(kind: string): MessageKey {
  return kind === "thành phố" ? "reference.provinceKind.thanhPho" : "reference.provinceKind.tinh";
}

export function caoDangTitleKey(title: string): MessageKey {
  return title === "kỹ sư thực hành" ? "reference.caoDangTitle.kySu" : "reference.caoDangTitle.cuNhan";
}
