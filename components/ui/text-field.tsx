import type { InputHTMLAttributes } from "react";

// A labelled input with its error tied to it for screen readers. Knows nothing of the domain.
export function TextField({
  id,
  label,
  error,
  ...input
}: { id: string; label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const errorId = `${id}-error`;
  return (
    <div className={error ? "field field-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      {error ? (
        <p id={errorId} className="error-message">
          {error}
        </p>
      ) : null}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} {...input} />
    </div>
  );
}
