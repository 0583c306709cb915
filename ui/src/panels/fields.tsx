// Form fields of the panels. Text commits on blur or Enter (Ctrl+Enter in a multi-line
// field), never per keystroke, so one change is one Edit; Escape puts the stored value back.
// Lists commit at once. Every field is labelled.
import { useEffect, useId, useState, useCallback } from "react";

export function TextField(props: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  multiline?: boolean;
  hint?: string;
  name?: string;
  required?: boolean;
  /** Take the focus with the text selected when first shown (a name just added). */
  focusFirst?: boolean;
}) {
  const { label, value, onCommit, multiline, hint, name, required, focusFirst } = props;
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = (v: string) => {
    if (required && v.trim() === "") {
      setDraft(value);
      return;
    }
    if (v !== value) onCommit(v);
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    // Escape with nothing to take back closes the dialog the field is in
    const unchanged = e.currentTarget.value === value;
    if (e.key === "Escape" && unchanged && e.currentTarget.closest('[role="dialog"]')) return;
    e.stopPropagation();
    if (e.key === "Escape") {
      e.preventDefault();
      setDraft(value);
    } else if (e.key === "Enter" && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit(e.currentTarget.value);
      // in a form made to be sent by Enter (the new-need dialog), Enter also sends it
      const form = e.currentTarget.form;
      if (form?.hasAttribute("data-enter-submits")) form.requestSubmit();
    }
  };
  const common = {
    name,
    value: draft,
    title: hint,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft(e.target.value),
    onBlur: (e: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => commit(e.currentTarget.value),
    onKeyDown,
  };
  const focusRef = useCallback(
    (el: HTMLInputElement | HTMLTextAreaElement | null) => {
      if (el && focusFirst) {
        el.focus();
        el.select();
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return (
    <label className="field">
      <span>{label}</span>
      {multiline ? <textarea rows={3} ref={focusRef} {...common} /> : <input type="text" ref={focusRef} {...common} />}
    </label>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/** A list; `""` stands for "none" when `noneLabel` is given. */
export function SelectField(props: {
  label: string;
  value: string | null | undefined;
  choices: Choice[];
  onChange: (value: string | null) => void;
  noneLabel?: string;
  name?: string;
  /** A tooltip: the formal term behind a plain label. */
  hint?: string;
}) {
  const { label, value, choices, onChange, noneLabel, name, hint } = props;
  return (
    <label className="field" title={hint}>
      <span>{label}</span>
      <select name={name} value={value ?? ""} onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}>
        {noneLabel !== undefined && <option value="">{noneLabel}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A multi-select list as a group of check boxes (accessible, and easy to scan). */
export function CheckList(props: {
  label: string;
  choices: Choice[];
  selected: readonly string[];
  onToggle: (value: string, on: boolean) => void;
  name?: string;
}) {
  const { label, choices, selected, onToggle, name } = props;
  const id = useId();
  return (
    <div className="field checklist" role="group" aria-labelledby={id} data-name={name}>
      <span id={id}>{label}</span>
      <ul>
        {choices.map((c) => (
          <li key={c.value}>
            <label className="check">
              <input type="checkbox" value={c.value} checked={selected.includes(c.value)} onChange={(e) => onToggle(c.value, e.target.checked)} />
              {c.label}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Choices of a vocabulary, labelled from the locale namespace (e.g. "interactionForm"). */
export function vocabulary(t: (key: string) => string, ns: string, values: readonly string[]): Choice[] {
  return values.map((v) => ({ value: v, label: t(`${ns}.${v}`) }));
}

export const VOCAB = {
  stepKind: ["start", "activity", "decision", "event", "end", "sub_pathway"],
  transitionKind: ["normal", "loop", "exception"],
  signal: ["none", "green", "yellow", "red"],
  actorKind: ["patient", "next_of_kin", "municipal", "gp", "hospital", "system", "other"],
  interactionForm: ["look_up", "messaging", "document_sharing", "shared_editing", "event_stream", "synchronous", "manual", "unknown"],
  production: ["manual", "automatic", "mixed", "unknown"],
  priority: ["high", "medium", "low", "external"],
  horizon: ["short", "medium", "long"],
  needStatus: ["met", "partly_met", "unmet", "unknown"],
  dataRole: ["producer", "provider", "processor", "consumer"],
  variantKind: ["current", "desired", "alternative"],
  docStatus: ["work_in_progress", "for_review", "release"],
  maturity: ["draft", "mature"],
} as const;
