import type { ReactNode } from "react";
import { aroundSlot } from "@/lib/i18n/slot";

/**
 * A translated sentence, made with SLOT for one placeholder, with `children` in the slot: for
 * words of another language inside it, each marked with its own lang and dir.
 */
export function InSentence({ sentence, children }: { sentence: string; children: ReactNode }) {
  const [before, after] = aroundSlot(sentence);
  return (
    <>
      {before}
      {children}
      {after}
    </>
  );
}
