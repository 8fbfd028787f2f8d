import type { ReactNode } from "react";

// The share form's fields: a labelled control with its hint and error, and a group of radios.

export function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: (describedBy?: string) => ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="error-message">{error}</p> : null}
      {children(describedBy)}
    </div>
  );
}

type ChoicesProps = { name: string; legend: string; hint?: string; error?: string; value: string; options: { value: string; label: string }[]; onChange: (v: string) => void };

export function Choices({ name, legend, hint, error, value, options, onChange }: ChoicesProps) {
  return (
    <fieldset className={error ? "field field-error choices" : "field choices"} aria-describedby={hint ? `${name}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint ? <p id={`${name}-hint`} className="hint">{hint}</p> : null}
      {error ? <p className="error-message">{error}</p> : null}
      {options.map((o) => (
        <div key={o.value} className="choice">
          <input type="radio" id={`share-${name}-${o.value}`} name={name} value={o.value} defaultChecked={value === o.value} onChange={() => onChange(o.value)} />
          <label htmlFor={`share-${name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
