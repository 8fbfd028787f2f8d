import type { InputHTMLAttributes } from "react";

// A labelled input with its hint and error tied to it for screen readers. Knows nothing of the domain.
export function TextField({
  id,
  label,
  hint,
  error,
  ...input
}: { id: string; label: string; hint?: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="error-message">
          {error}
        </p>
      ) : null}
      <input id={id} dir="auto" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
    </div>
  );
}
