"use client";

// One press leaves for a neutral site and replaces this page in the history, so "back" does not
// return here. With JavaScript off it is an ordinary link (the history entry then stays).
export function QuickExit({ href, label, hint }: { href: string; label: string; hint: string }) {
  return (
    <a
      href={href}
      className="quick-exit"
      rel="noreferrer"
      onClick={(event) => {
        event.preventDefault();
        document.body.hidden = true; // nothing left on screen while the next site loads
        window.location.replace(href);
      }}
    >
      {label}
      <span className="visually-hidden"> ({hint})</span>
    </a>
  );
}
