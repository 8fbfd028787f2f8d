import fs from "node:fs";
import zlib from "node:zlib";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { Invalid } from "../../lib/errors/index.ts";
import {
  checkFileCount,
  checkFileName,
  checkFileSize,
  checkUpload,
  MAX_FILE_BYTES,
  MAX_FILES,
  parseClamdAddress,
  ScannerUnavailable,
  UploadRefused,
  type SafeFile,
} from "../../lib/uploads/index.ts";
import { readVerdict } from "../../lib/uploads/clamd.ts";
import { CAMERA, colourAt, photo } from "../helpers/pictures.ts";
import { elf, html, pdf, pdfWith, pdfWithObjectStream, windowsExe, zip } from "../helpers/upload-files.ts";

// Without CLAMAV_URL and DATABASE_URL (the embedded demo) files go unscanned here;
// tests/integration/uploads-clamav.test.ts scans with a real clamd.

const heic = () => fs.readFileSync(path.join(import.meta.dirname, "../fixtures/rotated.heic"));

/** The problem code checkUpload refused a file with (fails the test if it was accepted). */
async function refusal(name: string, bytes: Uint8Array): Promise<string> {
  const error = await checkUpload({ name, bytes }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadRefused);
  expect(error).toBeInstanceOf(Invalid); // the lead's action wrapper already maps Invalid
  return (error as UploadRefused).problems[0].message;
}

function refusedCode(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof UploadRefused ? e.problem : `not refused: ${String(e)}`;
  }
}

/** What a copy still says about the camera, the place and the software, if anything. */
async function metadataLeft(file: SafeFile) {
  const m = await sharp(file.bytes).metadata();
  return { exif: m.exif, xmp: m.xmp, icc: m.icc, iptc: m.iptc, orientation: m.orientation, camera: file.bytes.includes(CAMERA), gps: file.bytes.includes("GPS") };
}
const NOTHING_LEFT = { exif: undefined, xmp: undefined, icc: undefined, iptc: undefined, orientation: undefined, camera: false, gps: false };

describe("sizes", () => {
  it("refuses an empty file and one byte over 10 MB, and allows exactly 10 MB", () => {
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
    expect(refusedCode(() => checkFileSize(0))).toBe("upload.empty");
    expect(refusedCode(() => checkFileSize(1))).toBeNull();
    expect(refusedCode(() => checkFileSize(MAX_FILE_BYTES))).toBeNull();
    expect(refusedCode(() => checkFileSize(MAX_FILE_BYTES + 1))).toBe("upload.tooLarge");
  });

  it("allows five files and refuses six", () => {
    expect(MAX_FILES).toBe(5);
    expect(refusedCode(() => checkFileCount(5))).toBeNull();
    expect(refusedCode(() => checkFileCount(6))).toBe("upload.tooMany");
  });

  it("accepts a PDF of exactly 10 MB byte for byte, and refuses one of 10 MB + 1", async () => {
    const exactly = pdf(MAX_FILE_BYTES);
    expect(exactly.length).toBe(MAX_FILE_BYTES);
    const copy = await checkUpload({ name: "big.pdf", bytes: exactly });
    expect(copy).toMatchObject({ fileName: "big.pdf", mediaType: "application/pdf", reencoded: false });
    expect(copy.bytes.equals(exactly)).toBe(true);
    expect(await refusal("big.pdf", pdf(MAX_FILE_BYTES + 1))).toBe("upload.tooLarge");
  });

  it("refuses an empty file end to end, against the field it was sent in", async () => {
    const error = await checkUpload({ name: "a.pdf", bytes: new Uint8Array(0) }, { field: "files.2" }).catch((e: unknown) => e);
    expect((error as Invalid).problems).toEqual([{ path: "files.2", message: "upload.empty" }]);
  });
});

describe("names", () => {
  const refused = [
    ["a path upwards", "../../etc/passwd.pdf"],
    ["a folder", "certificates/award.pdf"],
    ["a Windows folder", "C:\\Users\\award.pdf"],
    ["only dots", ".."],
    ["a NUL", "award\u0000.pdf"],
    ["a newline", "award\n.pdf"],
    ["DEL", "award\u007f.pdf"],
    ["a C1 control", "award\u0085.pdf"],
    ["a right-to-left override", "award\u202Egpj.exe"],
    ["a left-to-right embedding", "\u202Aaward.pdf"],
    ["a first-strong isolate", "award\u2068.pdf"],
    ["a line separator", "award\u2028.pdf"],
    ["a lone surrogate", "award\uD800.pdf"],
    ["nothing", ""],
    ["only spaces", "   "],
    ["201 characters", `${"a".repeat(197)}.pdf`],
  ];
  it.each(refused)("refuses a name with %s", (_why, name) => {
    expect(refusedCode(() => checkFileName(name))).toBe("upload.badName");
  });

  it("keeps other names as shown, NFC-normalised, up to 200 characters", () => {
    expect(checkFileName(`${"a".repeat(196)}.pdf`)).toHaveLength(200);
    expect(checkFileName("Cafe\u0301 award.pdf")).toBe("Café award.pdf");
    expect(checkFileName("میرا سرٹیفکیٹ.pdf")).toBe("میرا سرٹیفکیٹ.pdf");
    expect(checkFileName("my..award (final).pdf")).toBe("my..award (final).pdf");
  });

  it("refuses a bad name end to end", async () => {
    expect(await refusal("../award.pdf", pdf())).toBe("upload.badName");
  });

  it("gives the name the extension of the real type", async () => {
    const jpeg = await photo("jpeg");
    const named = async (name: string, bytes: Buffer) => (await checkUpload({ name, bytes })).fileName;
    expect(await named("photo.heic", heic())).toBe("photo.jpg");
    expect(await named("photo.png", jpeg)).toBe("photo.jpg");
    expect(await named("Photo.JPEG", jpeg)).toBe("Photo.JPEG");
    expect(await named("scan", pdf())).toBe("scan.pdf");
    expect(await named("report.v2", pdf())).toBe("report.v2.pdf");
  });
});

describe("types, from the content only", () => {
  it.each([
    ["an HTML page named .pdf", "certificate.pdf", html()],
    ["a Linux executable named .jpg", "photo.jpg", elf()],
    ["a Windows executable named .png", "drawing.png", windowsExe()],
    ["a zip named .pdf", "award.pdf", zip()],
    ["plain text named .webp", "note.webp", Buffer.from("just some text\n")],
  ])("refuses %s", async (_why, name, bytes) => {
    expect(await refusal(name, bytes)).toBe("upload.wrongType");
  });
});

describe("pictures are re-encoded", () => {
  it("turns a sideways JPEG upright and drops its EXIF, GPS, camera, XMP and ICC data", async () => {
    const sent = await photo("jpeg", 6);
    expect(sent.includes(CAMERA)).toBe(true); // the fixture really carries what must go
    expect((await sharp(sent).metadata()).orientation).toBe(6);

    const copy = await checkUpload({ name: "certificate.jpg", bytes: sent });
    expect(copy).toMatchObject({ fileName: "certificate.jpg", mediaType: "image/jpeg", reencoded: true });
    expect(await metadataLeft(copy)).toEqual(NOTHING_LEFT);
    // Stored 48×32 with "turn 90° clockwise": upright it is 32×48 with the left (red) half on top.
    expect(await sharp(copy.bytes).metadata()).toMatchObject({ format: "jpeg", width: 32, height: 48 });
    expect(await colourAt(copy.bytes, 16, 4)).toBe("red");
    expect(await colourAt(copy.bytes, 16, 43)).toBe("blue");
  });

  it.each(["png", "webp"] as const)("keeps a %s a %s, the same way up, without its metadata", async (format) => {
    const copy = await checkUpload({ name: `drawing.${format}`, bytes: await photo(format) });
    expect(copy).toMatchObject({ fileName: `drawing.${format}`, mediaType: `image/${format}`, reencoded: true });
    expect(await sharp(copy.bytes).metadata()).toMatchObject({ format, width: 48, height: 32 });
    expect(await metadataLeft(copy)).toEqual(NOTHING_LEFT);
    expect(await colourAt(copy.bytes, 4, 16)).toBe("red");
    expect(await colourAt(copy.bytes, 43, 16)).toBe("blue");
  });

  it("turns an iPhone-style HEIC into an upright JPEG without its EXIF", async () => {
    const sent = heic();
    expect(sent.includes(CAMERA)).toBe(true);
    const copy = await checkUpload({ name: "IMG_0001.HEIC", bytes: sent });
    expect(copy).toMatchObject({ fileName: "IMG_0001.jpg", mediaType: "image/jpeg", reencoded: true });
    expect(await metadataLeft(copy)).toEqual(NOTHING_LEFT);
    // Its irot box turns it once; the EXIF orientation saying the same is not applied again.
    expect(await sharp(copy.bytes).metadata()).toMatchObject({ format: "jpeg", width: 32, height: 48 });
    expect(await colourAt(copy.bytes, 16, 4)).toBe("red");
    expect(await colourAt(copy.bytes, 16, 43)).toBe("blue");
  });
});

describe("damaged files", () => {
  it("refuses a JPEG whose header is cut short, and one cut in half", async () => {
    const jpeg = await photo("jpeg", 1, 400, 300);
    expect(await refusal("a.jpg", jpeg.subarray(0, 20))).toBe("upload.damaged");
    expect(await refusal("a.jpg", jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toBe("upload.damaged");
  });

  it("refuses a PNG whose pixel data is corrupt", async () => {
    const png = Buffer.from(await photo("png", 1, 400, 300));
    const idat = png.indexOf("IDAT");
    png.fill(0x55, idat + 20, idat + 200);
    expect(await refusal("a.png", png)).toBe("upload.damaged");
  });

  it("refuses a HEIC cut short, in its header or in its picture data", async () => {
    const sent = heic();
    expect(await refusal("a.heic", sent.subarray(0, Math.floor(sent.length * 0.6)))).toBe("upload.damaged");
    expect(await refusal("a.heic", sent.subarray(0, sent.length - 100))).toBe("upload.damaged");
  });

  it("goes on with the HEICs sent after a damaged one (they are decoded one at a time)", async () => {
    const sent = heic();
    const [damaged, good] = await Promise.allSettled([
      checkUpload({ name: "a.heic", bytes: sent.subarray(0, 600) }),
      checkUpload({ name: "b.heic", bytes: sent }),
    ]);
    expect(damaged.status === "rejected" && (damaged.reason as UploadRefused).problem).toBe("upload.damaged");
    expect(good.status === "fulfilled" && good.value.fileName).toBe("b.jpg");
  });

  it("refuses a PDF without its end-of-file marker (a truncated upload)", async () => {
    const whole = pdf(4000);
    expect(await refusal("a.pdf", whole.subarray(0, 3000))).toBe("upload.damaged");
  });
});

describe("PDFs that could act by themselves are refused (they are served back as sent)", () => {
  const refusedPdfs: [string, () => Buffer][] = [
    ["JavaScript run on opening", () => pdfWith("3 0 obj <</Type/Action/S/JavaScript/JS(app.alert\\(1\\))>> endobj")],
    ["a JavaScript name tree", () => pdfWith("3 0 obj <</Names[(a) 4 0 R]>> endobj", "4 0 obj <</JS 5 0 R>> endobj")],
    ["a Launch action", () => pdfWith("3 0 obj <</Type/Action/S/Launch/F(calc.exe)>> endobj")],
    ["an embedded file", () => pdfWith("3 0 obj <</Type/EmbeddedFile/Length 4>>\nstream\nMZ!!\nendstream\nendobj")],
    ["a file attachment", () => pdfWith("3 0 obj <</Type/Annot/Subtype/FileAttachment/FS 4 0 R>> endobj")],
    ["actions on events (/AA)", () => pdfWith("3 0 obj <</Type/Page/AA<</O 4 0 R>>>> endobj")],
    ["rich media", () => pdfWith("3 0 obj <</Type/Annot/Subtype/RichMedia>> endobj")],
    ["a name hidden with #xx escapes (/Java#53cript)", () => pdfWith("3 0 obj <</S/Java#53cript/J#53 (x)>> endobj")],
    ["a Launch hidden as /L#61unch", () => pdfWith("3 0 obj <</S/L#61unch/F(x)>> endobj")],
    ["JavaScript inside a compressed object stream", () => pdfWithObjectStream(["<</Type/Action/S/JavaScript/JS(app.alert\\(1\\))>>"])],
    ["an object stream whose type is hex-escaped", () => pdfWithObjectStream(["<</S/Launch/F(calc.exe)>>"], "/Type/Obj#53tm/Filter/Fl#61teDecode")],
    ["an object stream that does not say it is one", () => pdfWithObjectStream(["<</OpenAction<</S/JavaScript/JS(x)>>>>"], "/Filter/FlateDecode")],
    ["an object behind a comment that hides the stream keyword", () => pdfWith("3 0 obj <</Type/Action %>>stream\n/S/JavaScript/JS(x)>>\n% endstream\nendobj")],
    ["an object stream whose dictionary ends in a hex string (<00>>>)", () => pdfWithObjectStream(["<</S/JavaScript/JS(x)>>"], "/Type/ObjStm/Filter/FlateDecode/ID<00>")],
    ["objects inside another stream's data", () => pdfWith("3 0 obj <</Length 60>>\nstream\n4 0 obj <</S/JavaScript/JS(x)>> endobj\nendstream\nendobj")],
  ];
  it.each(refusedPdfs)("refuses a PDF with %s", async (_what, make) => {
    expect(await refusal("form.pdf", make())).toBe("upload.pdfActive");
  });

  it("refuses a PDF whose object stream cannot be read to be checked", async () => {
    expect(await refusal("form.pdf", pdfWithObjectStream(["<<>>"], "/Type/ObjStm/Filter/LZWDecode"))).toBe("upload.pdfUnreadable");
    const broken = pdfWith("3 0 obj <</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length 9>>\nstream\nnot zlib!\nendstream\nendobj");
    expect(await refusal("form.pdf", broken)).toBe("upload.pdfUnreadable");
  });

  it("accepts plain PDFs: text, links, compressed pages and object streams with nothing active", async () => {
    const plain = [
      pdf(),
      pdfWith("3 0 obj <</Type/Annot/Subtype/Link/A<</S/URI/URI(https://example.org/)>>>> endobj"),
      pdfWith("3 0 obj <</Title(My award: JS and AA are letters here)>> endobj"),
      pdfWithObjectStream(["<</Type/Page/Parent 2 0 R/Resources<</Font<</F1 11 0 R>>>>>>", "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"]),
      pdfWith(`3 0 obj <</Length 4000/Filter/FlateDecode>>\nstream\n${zlib.deflateSync(Buffer.from("BT /F1 12 Tf (Hello /JS) Tj ET")).toString("latin1")}\nendstream\nendobj`),
    ];
    for (const bytes of plain) {
      const copy = await checkUpload({ name: "award.pdf", bytes });
      expect(copy.bytes.equals(bytes)).toBe(true);
    }
  });
});

describe("decompression bombs", () => {
  it("refuses a small PNG that declares 20,000 × 20,000 pixels before decoding it", async () => {
    const png = Buffer.from(await photo("png"));
    // IHDR's width and height follow its type; its CRC must match or the header is "damaged".
    const ihdr = png.indexOf("IHDR");
    png.writeUInt32BE(20_000, ihdr + 4);
    png.writeUInt32BE(20_000, ihdr + 8);
    png.writeUInt32BE(crc32(png.subarray(ihdr, ihdr + 17)), ihdr + 17);
    expect(await refusal("bomb.png", png)).toBe("upload.tooManyPixels");
  });

  it("refuses a HEIC that declares 20,000 × 20,000 pixels before decoding it", async () => {
    const sent = Buffer.from(heic());
    // The primary item's size property (ispe) says 48 × 32 (0x30 × 0x20).
    const primary = sent.indexOf(Buffer.from([0, 0, 0, 0x30, 0, 0, 0, 0x20]), sent.indexOf("ispe"));
    expect(primary).toBeGreaterThan(0);
    sent.writeUInt32BE(20_000, primary);
    sent.writeUInt32BE(20_000, primary + 4);
    expect(await refusal("bomb.heic", sent)).toBe("upload.tooManyPixels");
  });
});

describe("CLAMAV_URL", () => {
  it("names clamd by tcp://host:port or an absolute socket path, and nothing else", () => {
    expect(parseClamdAddress("tcp://127.0.0.1:3310")).toEqual({ kind: "tcp", host: "127.0.0.1", port: 3310 });
    expect(parseClamdAddress("tcp://clamav.internal:3310/")).toEqual({ kind: "tcp", host: "clamav.internal", port: 3310 });
    expect(parseClamdAddress("tcp://[::1]:3310")).toEqual({ kind: "tcp", host: "::1", port: 3310 });
    expect(parseClamdAddress("/run/clamav/clamd.ctl")).toEqual({ kind: "unix", path: "/run/clamav/clamd.ctl" });
    for (const bad of ["tcp://127.0.0.1", "tcp://host:0", "tcp://host:99999", "http://host:3310", "clamd.ctl", "tcp://host:3310/scan", "tcp://user@host:3310"]) {
      expect(parseClamdAddress(bad), bad).toBeNull();
    }
  });
});

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

describe("clamd's replies", () => {
  it("reads OK as clean, FOUND as the signature, and ERROR or anything else as no verdict", () => {
    expect(readVerdict("stream: OK")).toEqual({ clean: true });
    expect(readVerdict("stream: Win.Test.EICAR_HDB-1 FOUND")).toEqual({ clean: false, signature: "Win.Test.EICAR_HDB-1" });
    expect(() => readVerdict("INSTREAM size limit exceeded. ERROR")).toThrow(ScannerUnavailable);
    expect(() => readVerdict("")).toThrow(ScannerUnavailable);
    expect(() => readVerdict("stream: OK but not quite")).toThrow(ScannerUnavailable);
  });
});
