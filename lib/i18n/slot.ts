// Something of its own inside a translated sentence: an entry's English title in an Arabic
// sentence needs its own element, with lang="en" (a screen reader's English voice, the Latin font)
// and its own direction, which a string put into the sentence cannot carry. The sentence is made
// with SLOT as the placeholder's value, then split around it.

/** A placeholder's stand-in: a private-use character, which no translation contains. */
export const SLOT = "\uE000";

/** The words of a sentence made with SLOT before it and after it (all of it before, if no slot). */
export function aroundSlot(sentence: string): [before: string, after: string] {
  const at = sentence.indexOf(SLOT);
  return at < 0 ? [sentence, ""] : [sentence.slice(0, at), sentence.slice(at + SLOT.length)];
}
