"use client";

// One press leaves for a neutral site (`away`) and replaces this page in the history, so Back does
// not return here; a beacon to `href` ends the session on the server as the page goes, so nothing
// signed-in is left to go back to. With JavaScript off it is an ordinary link to `href`, which
// ends the session and then redirects to the same neutral site.
export function QuickExit({ href, away, label, hint }: { href: string; away: string; label: string; hint: string }) {
  return (
    <a
      href={href}
      className="quick-exit"
      rel="noreferrer"
      onClick={(event) => {
        event.preventDefault();
        document.body.hidden = true; // nothing left on screen while the next site loads
        navigator.sendBeacon(href);
        window.location.replace(away);
      }}
    >
      {label}
      <span className="visually-hidden"> ({hint})</span>
    </a>
  );
}
