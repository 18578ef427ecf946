import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useT } from "~/lib/i18n/use-t";
import { formMessage } from "~/lib/forms";

/** A programme or occupation as the chooser shows it: by name (and level), its code only submitted. */
export interface CodeChoiceView {
  code: string;
  name: string;
  detail: string | null;
}

const label = (c: CodeChoiceView) => (c.detail ? `${c.name} — ${c.detail}` : c.name);

/**
 * Choosing programmes or an occupation by name, with suggestions as one types (WAI-ARIA combobox with a listbox;
 * diacritics optional, the server folds them), the chosen ones as removable chips, each submitted as a hidden input
 * named `name`. Progressive enhancement: the server's HTML (and a browser without JavaScript) has a plain select of
 * every choice, which submits the same field; the combobox replaces it once the page is hydrated.
 */
export function CodeCombobox({
  name,
  kind,
  label: fieldLabel,
  hint,
  error,
  suggestUrl,
  choices,
  initial,
  multiple,
}: {
  name: string;
  kind: "programme" | "occupation";
  label: string;
  hint?: string;
  /** An i18n key. */
  error?: string;
  /** The JSON suggestions route; `kind` and `q` are appended. */
  suggestUrl: string;
  /** Every choice, for the plain select (and the chips' names). */
  choices: readonly CodeChoiceView[];
  /** Chosen codes. */
  initial: readonly string[];
  multiple: boolean;
}) {
  const t = useT();
  const id = useId();
  const fieldId = `f-${name}`;
  const listId = `${id}-list`;
  const [enhanced, setEnhanced] = useState(false);
  const [selected, setSelected] = useState<CodeChoiceView[]>(() =>
    initial.map((code) => choices.find((c) => c.code === code) ?? { code, name: code, detail: null }),
  );
  const [text, setText] = useState("");
  const [options, setOptions] = useState<CodeChoiceView[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => setEnhanced(true), []);

  useEffect(() => {
    const q = text.trim();
    if (!enhanced || q.length === 0) {
      setOptions([]);
      setOpen(false);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`${suggestUrl}?kind=${kind}&q=${encodeURIComponent(q)}`, {
          signal: controller.signal,
          headers: { Accept: "application/json" },
        });
        if (!response.ok) {
          setStatus(t(response.status === 429 ? "combobox.tooFast" : "combobox.failed"));
          return;
        }
        const body = (await response.json()) as { suggestions: CodeChoiceView[] };
        const fresh = body.suggestions.filter((s) => !selected.some((c) => c.code === s.code));
        setOptions(fresh);
        setActive(fresh.length > 0 ? 0 : -1);
        setOpen(true);
        setStatus(fresh.length === 0 ? t("combobox.none") : t("combobox.count", { count: fresh.length }));
      } catch (failure) {
        if (!(failure instanceof DOMException && failure.name === "AbortError")) setStatus(t("combobox.failed"));
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `selected` only filters what is already chosen; a new choice clears the text, which refetches anyway.
  }, [text, enhanced, kind, suggestUrl]);

  function choose(choice: CodeChoiceView) {
    setSelected((current) => (multiple ? [...current.filter((c) => c.code !== choice.code), choice] : [choice]));
    setText("");
    setOpen(false);
    setStatus(t("combobox.added", { name: label(choice) }));
    input.current?.focus();
  }

  function remove(choice: CodeChoiceView) {
    setSelected((current) => current.filter((c) => c.code !== choice.code));
    setStatus(t("combobox.removed", { name: label(choice) }));
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && options.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
    } else if (event.key === "Enter") {
      // Enter chooses; it never submits the job form from here.
      if (text.trim() || open) event.preventDefault();
      if (open && active >= 0 && options[active]) choose(options[active]);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
      }
    } else if (event.key === "Backspace" && text === "" && selected.length > 0) {
      remove(selected[selected.length - 1]!);
    }
  }

  const describedBy =
    [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(" ") || undefined;
  const frame = (control: JSX.Element) => (
    <div className={`field code-combobox${error ? " field-invalid" : ""}`}>
      <label htmlFor={fieldId}>{fieldLabel}</label>
      {hint ? (
        <p className="field-hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      ) : null}
      {control}
      {error ? (
        <p className="field-error" id={`${fieldId}-error`}>
          {t(formMessage(error))}
        </p>
      ) : null}
    </div>
  );

  if (!enhanced) {
    return frame(
      <select
        id={fieldId}
        name={name}
        multiple={multiple}
        size={multiple ? 8 : undefined}
        defaultValue={multiple ? [...initial] : (initial[0] ?? "")}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      >
        {multiple ? null : <option value="">{t("combobox.noneChosen")}</option>}
        {choices.map((c) => (
          <option key={c.code} value={c.code}>
            {label(c)}
          </option>
        ))}
      </select>,
    );
  }

  return frame(
    <>
      {selected.length > 0 ? (
        <ul className="chips" aria-label={t("combobox.chosen", { label: fieldLabel })}>
          {selected.map((c) => (
            <li key={c.code} className="chip">
              <span>{label(c)}</span>
              <button
                type="button"
                className="chip-remove"
                onClick={() => remove(c)}
                aria-label={t("combobox.remove", { name: label(c) })}
              >
                ×
              </button>
              <input type="hidden" name={name} value={c.code} />
            </li>
          ))}
        </ul>
      ) : null}
      <div className="combobox">
        <input
          ref={input}
          id={fieldId}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          placeholder={t(kind === "programme" ? "combobox.placeholder.programme" : "combobox.placeholder.occupation")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(options.length > 0)}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={fieldLabel}
          className="combobox-list"
          hidden={!open || options.length === 0}
        >
          {options.map((o, i) => (
            <li
              key={o.code}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : undefined}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o);
              }}
            >
              {o.name}
              {o.detail ? <span className="muted"> — {o.detail}</span> : null}
            </li>
          ))}
        </ul>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {status}
      </p>
    </>,
  );
}
