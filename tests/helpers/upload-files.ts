// Files that are not pictures, for the upload tests.
import zlib from "node:zlib";

/** A minimal PDF of exactly `size` bytes (padded with a comment), ending in %%EOF. */
export function pdf(size = 0): Buffer {
  const head = "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[]/Count 0>> endobj\n";
  const tail = "trailer <</Root 1 0 R>>\n%%EOF\n";
  const padding = Math.max(0, size - head.length - tail.length);
  const comment = padding === 0 ? "" : padding === 1 ? "\n" : `%${"x".repeat(padding - 2)}\n`;
  return Buffer.from(head + comment + tail, "latin1");
}

export const html = () => Buffer.from("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>\n");

/** The start of a Linux executable (ELF header), then filler. */
export const elf = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120, 0x41)]);

/** The start of a Windows executable ("MZ" and a PE header), then filler. */
export function windowsExe(): Buffer {
  const bytes = Buffer.alloc(256);
  bytes.write("MZ", 0, "latin1");
  bytes.writeUInt32LE(0x80, 0x3c); // where the PE header starts
  bytes.write("PE\0\0", 0x80, "latin1");
  return bytes;
}

/** A zip's first local file header (as in .zip, .docx, .apk), then filler. */
export function zip(): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(9, 26); // file name length
  return Buffer.concat([header, Buffer.from("notes.txt"), Buffer.alloc(64, 0x20)]);
}

/** A small PDF whose objects after the catalog are `objects` (each "N 0 obj … endobj"), ending in %%EOF. */
export function pdfWith(...objects: string[]): Buffer {
  const head = "%PDF-1.7\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[]/Count 0>> endobj\n";
  return Buffer.from(`${head}${objects.join("\n")}\ntrailer <</Root 1 0 R>>\n%%EOF\n`, "latin1");
}

/** A PDF whose objects (as "N 0 obj"-less bodies, numbered from 10) sit compressed in an object stream. */
export function pdfWithObjectStream(bodies: string[], dictionary = "/Type/ObjStm/Filter/FlateDecode"): Buffer {
  let offsets = "";
  let content = "";
  bodies.forEach((body, i) => {
    offsets += `${10 + i} ${content.length} `;
    content += `${body}\n`;
  });
  const data = zlib.deflateSync(Buffer.from(offsets + content, "latin1"));
  const head = Buffer.from(`%PDF-1.7\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[]/Count 0>> endobj\n3 0 obj <</N ${bodies.length}/First ${offsets.length}/Length ${data.length}${dictionary}>>\nstream\n`, "latin1");
  return Buffer.concat([head, data, Buffer.from("\nendstream\nendobj\ntrailer <</Root 1 0 R>>\n%%EOF\n", "latin1")]);
}
