"use client";
import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";
import { Icon, type IconName } from "./ui/icon";

// The header's menu: a <details>, so it opens and closes by mouse, touch and keyboard with
// JavaScript off. With JavaScript it also closes as a menu should: on Escape (back to its
// button), on a press outside it, and once something in it is chosen (the header stays on
// screen across page changes, so it would otherwise stay open over the next page).
export function HeaderMenu({ label, icon, children }: { label: string; icon: IconName; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => close(ref.current), [pathname]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const menu = ref.current;
      if (event.key !== "Escape" || !menu?.open) return;
      close(menu);
      menu.querySelector("summary")?.focus();
    };
    const onPress = (event: MouseEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) close(ref.current);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onPress);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onPress);
    };
  }, []);
  return (
    // Closed after the choice has been sent: closing first would hide the form being submitted.
    <details ref={ref} className="header-menu" onSubmit={() => setTimeout(() => close(ref.current), 0)}>
      <summary className="header-button">
        <Icon name={icon} />
        <span className="header-label">{label}</span>
      </summary>
      <div className="header-menu-panel">{children}</div>
    </details>
  );
}

function close(menu: HTMLDetailsElement | null) {
  if (menu?.open) menu.open = false;
}
