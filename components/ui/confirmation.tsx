import type { ReactNode } from "react";

// A confirmation page's parts (GOV.UK's pattern): the panel saying it is done, then "what
// happens next" as numbered steps. Knows nothing of the domain: the page passes its words.
export function Confirmation({ title, lead, nextTitle, steps, children }: { title: string; lead: ReactNode; nextTitle: string; steps: string[]; children?: ReactNode }) {
  return (
    <div className="stack narrow">
      <div className="confirmation" role="status"><h1>{title}</h1></div>
      {lead}
      <h2>{nextTitle}</h2>
      <ol>{steps.map((s) => <li key={s}>{s}</li>)}</ol>
      {children}
    </div>
  );
}
