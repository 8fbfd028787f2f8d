// Which font draws which letters. One line of the copy can mix scripts: a Gujarati label with an
// English name after it, an Arabic heading over English entry text. No one font has them all, and
// a PDF font draws a letter it lacks as an empty box, so the text is cut into runs by script and
// each run is set in a font of its own (lib/pdf/fonts.ts says which).

export type Script = "latin" | "arabic" | "gujarati";
export type ScriptRun = { text: string; script: Script };
/** Whether the font that sets this script has a glyph for this character. */
export type Covers = (script: Script, codePoint: number) => boolean;

const SCRIPTS: readonly Script[] = ["latin", "arabic", "gujarati"];
const GUJARATI = /\p{Script=Gujarati}/u;
const ARABIC = /\p{Script=Arabic}/u;
// Digits, punctuation and spaces belong to no script: they go with the letters round them.
const COMMON = /\p{Script=Common}/u;
// Combining marks and joiners belong to the letter before them, whatever font has them.
const INHERITED = /\p{Script=Inherited}/u;
// Most copies are plain ASCII: one run, no per-letter work.
const ASCII = /^[\x00-\x7f]*$/;

/** The script a letter asks for, or null for one that takes its neighbours' (digits, marks). */
function ownScript(char: string): Script | null {
  if (GUJARATI.test(char)) return "gujarati";
  if (ARABIC.test(char)) return "arabic";
  if (COMMON.test(char) || INHERITED.test(char)) return null;
  return "latin"; // Latin, and scripts the copy has no font for: the Latin font's box at least shows something is there
}

/**
 * Cuts text into runs of one script each, in logical order. A digit or punctuation mark joins the
 * letters before it (at the start, the first letter after it), a combining mark always joins its
 * letter. Any character that its script's font lacks goes to the first font that has it.
 */
export function scriptRuns(text: string, covers: Covers): ScriptRun[] {
  if (text === "") return [];
  if (ASCII.test(text) && Array.from(text).every((c) => covers("latin", c.codePointAt(0)!))) return [{ text, script: "latin" }];
  const chars = Array.from(text);
  const own = chars.map(ownScript);
  let letters: Script = own.find((s) => s !== null) ?? "latin";
  const runs: ScriptRun[] = [];
  chars.forEach((char, i) => {
    const last = runs[runs.length - 1];
    let script: Script;
    if (INHERITED.test(char) && last) script = last.script;
    else {
      letters = own[i] ?? letters;
      const codePoint = char.codePointAt(0)!;
      script = covers(letters, codePoint) ? letters : (SCRIPTS.find((s) => covers(s, codePoint)) ?? letters);
    }
    if (last && last.script === script) last.text += char;
    else runs.push({ text: char, script });
  });
  return runs;
}

// fontkit lays a text out right to left, glyphs reversed, when the first character with a script
// of its own is of a right-to-left script.
const FIRST_SCRIPT = /[^\p{Script=Common}\p{Script=Inherited}]/u;
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** Whether fontkit will turn this text round (lay its glyphs out right to left). */
export function fontkitReverses(text: string): boolean {
  const first = FIRST_SCRIPT.exec(text);
  return first !== null && RTL_SCRIPT.test(first[0]);
}
