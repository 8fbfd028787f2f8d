// CSV as RFC 4180 has it: a field holding the delimiter, a quote, a line break or an edge space is
// quoted, a quote inside it doubled; lines end in CRLF. The reader takes what spreadsheets write
// back: CRLF or LF, quoted line breaks, a byte-order mark, a semicolon or tab as the delimiter.

export class CsvError extends Error {}

export function formatCsv(rows: readonly (readonly string[])[], delimiter = ","): string {
  const quote = (field: string) =>
    field.includes(delimiter) || /["\r\n]|^\s|\s$/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
  return rows.map((row) => row.map(quote).join(delimiter) + "\r\n").join("");
}

/** Rows of fields; throws CsvError, naming the line, on a quote left open or text after a closing quote. */
export function parseCsv(text: string, delimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let fieldStarted = false;
  let line = 1;
  const endField = () => { row.push(field); field = ""; fieldStarted = false; };
  const endRow = () => { endField(); rows.push(row); row = []; };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && !fieldStarted) {
      const opened = line;
      let end = i + 1;
      for (;;) {
        const close = text.indexOf('"', end);
        if (close < 0) throw new CsvError(`line ${opened}: a quoted field is not closed`);
        if (text[close + 1] === '"') { end = close + 2; continue; }
        field = text.slice(i + 1, close).replaceAll('""', '"');
        line += field.split("\n").length - 1;
        i = close + 1;
        break;
      }
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== "\r" && next !== "\n") throw new CsvError(`line ${line}: text after a closing quote`);
      fieldStarted = true;
    } else if (c === delimiter) {
      endField();
      i++;
    } else if (c === "\r" || c === "\n") {
      endRow();
      line++;
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (fieldStarted || row.length) endRow();
  return rows;
}
