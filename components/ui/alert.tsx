import type { ReactNode } from "react";

export function Alert({ kind, children, id }: { kind: "error" | "info"; children: ReactNode; id?: string }) {
  return (
    <div id={id} className={`alert alert-${kind}`} role={kind === "error" ? "alert" : "status"} tabIndex={-1}>
      {children}
    </div>
  );
}
