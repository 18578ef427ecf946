import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useT } from "~/lib/i18n/use-t";
import { formMessage } from "~/lib/forms";

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  hint?: string;
  /** An i18n key, as returned by parseForm. */
  error?: string;
}

/** A labelled input with its hint and error tied to it for screen readers. */
/** Label, hint and error around one control, tied together for screen readers (ids f-{name}, -hint, -error). */
function FieldFrame({
  fieldId,
  label,
  hint,
  error,
  children,
}: {
  fieldId: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={fieldId}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={`${fieldId}-error`}>
          {t(formMessage(error))}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(fieldId: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function TextField({ name, label, hint, error, id, ...input }: FieldProps) {
  const fieldId = id ?? `f-${name}`;
  return (
    <FieldFrame fieldId={fieldId} label={label} hint={hint} error={error}>
      <input
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        {...input}
      />
    </FieldFrame>
  );
}

interface TextAreaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  name: string;
  label: string;
  hint?: string;
  /** An i18n key, as returned by parseForm. */
  error?: string;
}

export function TextAreaField({ name, label, hint, error, id, ...textarea }: TextAreaProps) {
  const fieldId = id ?? `f-${name}`;
  return (
    <FieldFrame fieldId={fieldId} label={label} hint={hint} error={error}>
      <textarea
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        {...textarea}
      />
    </FieldFrame>
  );
}

interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  name: string;
  label: string;
  error?: string;
  children: ReactNode;
}

export function SelectField({ name, label, error, id, children, ...select }: SelectProps) {
  const t = useT();
  const fieldId = id ?? `f-${name}`;
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={fieldId}>{label}</label>
      <select
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
        {...select}
      >
        {children}
      </select>
      {error ? (
        <p className="field-error" id={`${fieldId}-error`}>
          {t(formMessage(error))}
        </p>
      ) : null}
    </div>
  );
}

/** A message at the top of a form; focusable so that it can be announced. */
export function FormAlert({ kind, children }: { kind: "error" | "success" | "info"; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
