// XLIFF 2.0 for translation tools: a <file> per namespace, a <unit> per string (its id the key
// path), notes with the context and the status, and the segment's state ("initial" with no target,
// "translated", or "final" once a native speaker has reviewed it). Texts are written as they are,
// placeholders included, with xml:space="preserve" so tools keep their spaces.
import { textDirection } from "../config.ts";
import { STATUS_NOTE, XLIFF_STATE, type Outgoing, type OutgoingUnit } from "./exchange.ts";
import { SOURCE_LANGUAGE } from "./languages.ts";

export const XLIFF_2 = "urn:oasis:names:tc:xliff:document:2.0";

/** XML 1.0 cannot carry these at all, not even as character references. */
const UNWRITABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

// A carriage return is written as a reference: a parser would otherwise turn it into a line feed.
const text = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("\r", "&#13;");
const attribute = (s: string) => text(s).replaceAll('"', "&quot;").replaceAll("\n", "&#10;").replaceAll("\t", "&#9;");

function unitXml(unit: OutgoingUnit): string {
  for (const s of [unit.source, unit.target ?? ""]) {
    if (UNWRITABLE.test(s)) throw new Error(`${unit.namespace}:${unit.key} holds a control character XML cannot carry`);
  }
  const target = unit.target ? `\n        <target xml:space="preserve">${text(unit.target)}</target>` : "";
  return `    <unit id="${attribute(unit.key)}">
      <notes>
        <note category="context">${text(unit.context)}</note>
        <note category="status">${text(STATUS_NOTE[unit.status])}</note>
      </notes>
      <segment state="${unit.target ? XLIFF_STATE[unit.status] : "initial"}">
        <source xml:space="preserve">${text(unit.source)}</source>${target}
      </segment>
    </unit>\n`;
}

export function writeXliff(outgoing: Outgoing): string {
  const namespaces = [...new Set(outgoing.units.map((u) => u.namespace))];
  const direction = textDirection(outgoing.lang) === "rtl" ? ` trgDir="rtl"` : "";
  const files = namespaces.map(
    (ns) => `  <file id="${attribute(ns)}"${direction}>\n${outgoing.units.filter((u) => u.namespace === ns).map(unitXml).join("")}  </file>\n`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="${XLIFF_2}" version="2.0" srcLang="${SOURCE_LANGUAGE}" trgLang="${attribute(outgoing.lang)}">
${files.join("")}</xliff>\n`;
}
