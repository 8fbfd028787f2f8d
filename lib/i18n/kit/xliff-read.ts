// Reads an XLIFF 2.0 file back from a translation tool. A unit's text is its segments' (and
// ignorables') targets in order, since tools may split a unit into sentences; it counts as reviewed
// only when every segment's state is "final". A target holding markup (<ph>, <pc>, <mrk>…) is
// refused rather than guessed at: the kit writes placeholders as plain {{name}} text.
import { DOMParser, onErrorStopParsing, type Element, type Node } from "@xmldom/xmldom";
import type { Incoming, IncomingUnit } from "./exchange.ts";
import { XLIFF_2 } from "./xliff-write.ts";

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

const children = (parent: Node): Node[] => Array.from({ length: parent.childNodes.length }, (_, i) => parent.childNodes.item(i)!);

/** The XLIFF elements among a node's children with one of these names. */
const childElements = (parent: Node, ...names: string[]): Element[] =>
  children(parent).filter((n): n is Element => n.nodeType === ELEMENT && (n as Element).namespaceURI === XLIFF_2 && names.includes((n as Element).localName ?? ""));

/** The text of <source> or <target>, or the name of the first element inside it. */
function textOf(element: Element): { text: string } | { markup: string } {
  let text = "";
  for (const node of children(element)) {
    if (node.nodeType === TEXT || node.nodeType === CDATA) text += node.nodeValue ?? "";
    else if (node.nodeType === ELEMENT) return { markup: (node as Element).localName ?? node.nodeName };
  }
  return { text };
}

/** A unit as read, or its problem in words. */
function readUnit(namespace: string, unit: Element): IncomingUnit | string {
  const id = `${namespace}:${unit.getAttribute("id") ?? ""}`;
  const parts = childElements(unit, "segment", "ignorable");
  let source = "";
  let target: string | undefined = "";
  for (const part of parts) {
    const [partSource] = childElements(part, "source");
    const [partTarget] = childElements(part, "target");
    const read = [partSource, partTarget].map((e) => (e ? textOf(e) : undefined));
    const markup = read.find((r) => r && "markup" in r);
    if (markup && "markup" in markup) return `${id}: holds <${markup.markup}> markup; write placeholders as plain text, e.g. {{name}}`;
    const [sourceText, targetText] = read.map((r) => (r && "text" in r ? r.text : undefined));
    source += sourceText ?? "";
    // An ignorable with no target stands for itself; a segment with none leaves the unit untranslated.
    if (targetText === undefined && part.localName === "segment") target = undefined;
    else if (target !== undefined) target += targetText ?? sourceText ?? "";
  }
  const segments = parts.filter((p) => p.localName === "segment");
  return { id, source, target, reviewed: segments.length > 0 && segments.every((s) => s.getAttribute("state") === "final") };
}

export function readXliff(xml: string): Incoming {
  let root: Element | null;
  try {
    const parser = new DOMParser({ onError: onErrorStopParsing, normalizeLineEndings: (s) => s.replace(/\r\n?/g, "\n") });
    root = parser.parseFromString(xml, "text/xml").documentElement;
  } catch (error) {
    return { units: [], problems: [`The file is not well-formed XML: ${(error as Error).message.split("\n")[0]}`] };
  }
  if (!root || root.namespaceURI !== XLIFF_2 || root.localName !== "xliff") {
    return { units: [], problems: [`The file is not XLIFF 2.0 (its root must be <xliff xmlns="${XLIFF_2}" version="2.0">).`] };
  }
  const problems: string[] = [];
  const units: IncomingUnit[] = [];
  for (const file of childElements(root, "file")) {
    const namespace = file.getAttribute("id") ?? "";
    const found = file.getElementsByTagNameNS(XLIFF_2, "unit"); // units inside <group>s too
    for (let i = 0; i < found.length; i++) {
      const read = readUnit(namespace, found.item(i)!);
      if (typeof read === "string") problems.push(read);
      else units.push(read);
    }
  }
  return { lang: root.getAttribute("trgLang") ?? undefined, sourceLang: root.getAttribute("srcLang") ?? undefined, units, problems };
}
