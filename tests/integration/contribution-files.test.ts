import { randomUUID } from "node:crypto";
import net from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { checkIncomingFiles, FileRefused, filesFromForm, saveContribution, type IncomingFile } from "../../lib/contributions/index.ts";
import { contributionForm } from "../../lib/contributions/form.ts";
import { createClamdScanner, MAX_FILE_BYTES, scanningFor, type Scanner, type Scanning } from "../../lib/uploads/index.ts";
import { eicar, startClamd, type TestClamd } from "../helpers/clamd.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { testFileStore, readStoredFile } from "../helpers/files.ts";
import { photo } from "../helpers/pictures.ts";
import { elf, html, pdf, pdfWith, pdfWithObjectStream } from "../helpers/upload-files.ts";
import { seedVisibilityFixture, type VisibilityFixture } from "../helpers/record-fixtures.ts";

// Files sent with a contribution, as the send action handles them, scanned by a real clamd: every
// bad file is refused with its reason and name, and nothing at all is stored; a good photo is
// stored in the database without its camera data.

let clamd: TestClamd;
let scanner: Scanner;
beforeAll(async () => {
  clamd = await startClamd();
  scanner = createClamdScanner(clamd.tcp);
});
afterAll(async () => clamd?.stop());

const file = (name: string, bytes: Uint8Array): IncomingFile => ({ name, read: async () => bytes });

describe.each(databaseKinds())("files sent with a contribution on %s", (kind) => {
  let db: TestDb;
  let fx: VisibilityFixture;
  const clock = fixedClock(new Date("2026-12-01T10:00:00Z"));
  beforeAll(async () => {
    db = await createTestDb(kind);
    fx = await seedVisibilityFixture(db.prisma, testFileStore, clock);
  });
  afterAll(async () => db?.drop());

  // What the action does: check every file, then save them with the text in one transaction.
  async function sendWith(files: IncomingFile[], withScanner: Scanner | Scanning = scanner) {
    const form = contributionForm.parse({ childId: fx.A.id, submissionKey: randomUUID(), kind: "proud", body: "My certificate", intent: "send" });
    const safe = await checkIncomingFiles(files, "mode" in withScanner ? { scanning: withScanner } : { scanner: withScanner });
    return saveContribution({ db: db.prisma, clock, actor: fx.accounts.child.actor, form, locale: "en", files: safe, store: testFileStore });
  }
  const counts = async () => [await db.prisma.contribution.count(), await db.prisma.storedFile.count(), await db.prisma.fileBlob.count()];

  it.each([
    ["EICAR", () => file("homework.pdf", eicar()), "errors.upload.virus"],
    ["a file one byte over 10 MB", () => file("big.pdf", pdf(MAX_FILE_BYTES + 1)), "errors.upload.tooLarge"],
    ["an HTML page named .pdf", () => file("letter.pdf", html()), "errors.upload.wrongType"],
    ["a renamed program", () => file("photo.jpg", elf()), "errors.upload.wrongType"],
    ["a damaged picture", () => file("broken.jpg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1])), "errors.upload.damaged"],
    ["a name that climbs folders", () => file("../../etc/passwd.pdf", pdf()), "errors.upload.badName"],
    ["a name with control characters", () => file("a\u0000b.pdf", pdf()), "errors.upload.badName"],
    ["an empty file", () => file("empty.pdf", Buffer.alloc(0)), "errors.upload.empty"],
  ])("refuses %s, saying which file, and stores nothing", async (_what, make, key) => {
    const before = await counts();
    const good = file("fine.pdf", pdf());
    const refused = await sendWith([good, make()]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FileRefused);
    expect((refused as FileRefused).key).toBe(key);
    expect(await counts()).toEqual(before);
  });

  // Without a scanner, so the refusal is this portal's own reading of the PDF (clamd's heuristics
  // already refuse some of these as "virus").
  it.each([
    ["runs JavaScript", pdfWith("3 0 obj <</S/JavaScript/JS(app.alert\\(1\\))>> endobj")],
    ["launches a program from a compressed object stream", pdfWithObjectStream(["<</S/L#61unch/F(calc.exe)>>"])],
    ["has a file tucked inside", pdfWith("3 0 obj <</Names<</EmbeddedFiles 4 0 R>>>> endobj")],
  ])("refuses a PDF that %s, saying which file, and stores nothing", async (_what, bytes) => {
    const before = await counts();
    const refused = await sendWith([file("fine.pdf", pdf()), file("form.pdf", bytes)], scanningFor("off", "postgres")).catch((e: unknown) => e);
    expect(refused).toMatchObject({ key: "errors.upload.pdfActive", fileName: "form.pdf" });
    expect(refused).toBeInstanceOf(FileRefused);
    expect(await counts()).toEqual(before);
  });

  it("refuses six files, and waits when the scanner cannot be reached, storing nothing", async () => {
    const before = await counts();
    const six = Array.from({ length: 6 }, (_, i) => file(`${i}.pdf`, pdf()));
    await expect(sendWith(six)).rejects.toMatchObject({ key: "errors.tooManyFiles" });
    const closed = await new Promise<number>((resolve) => { const s = net.createServer().listen(0, "127.0.0.1", () => { const p = (s.address() as net.AddressInfo).port; s.close(() => resolve(p)); }); });
    const down = createClamdScanner({ kind: "tcp", host: "127.0.0.1", port: closed });
    await expect(sendWith([file("fine.pdf", pdf())], down)).rejects.toMatchObject({ key: "errors.upload.scannerUnavailable" });
    expect(await counts()).toEqual(before);
  });

  it("refuses files on PostgreSQL without a scanner, storing nothing; accepts them with CLAMAV_URL=off", async () => {
    const before = await counts();
    await expect(sendWith([file("fine.pdf", pdf())], scanningFor(undefined, "postgres"))).rejects.toMatchObject({ key: "errors.upload.noScanner", fileName: "fine.pdf" });
    expect(await counts()).toEqual(before);
    await sendWith([file("fine.pdf", pdf())], scanningFor("off", "postgres"));
    expect(await counts()).toEqual([before[0] + 1, before[1] + 1, before[2] + 1]);
  });

  it("says a chosen file is empty instead of dropping it, and leaves out the empty part of no file chosen", async () => {
    const form = new FormData();
    form.append("files", new File([], "", { type: "application/octet-stream" })); // no file chosen, a plain post
    // The same with JavaScript on: Next.js's action parser turns filename="" into the name "undefined".
    form.append("files", new File([], "undefined", { type: "application/octet-stream" }));
    expect(filesFromForm(form)).toEqual([]);
    form.append("files", new File([], "homework.pdf", { type: "application/pdf" }));
    const before = await counts();
    await expect(sendWith(filesFromForm(form))).rejects.toMatchObject({ key: "errors.upload.empty", fileName: "homework.pdf" });
    expect(await counts()).toEqual(before);
  });

  it("stores a photo's copy in the database without its camera data, upright", async () => {
    const saved = await sendWith([file("IMG_0001.heic.jpg", await photo("jpeg", 6, 48, 32))]);
    const attachment = await db.prisma.contributionAttachment.findFirstOrThrow({ where: { contributionId: saved.id }, include: { file: true } });
    const bytes = await readStoredFile(db.prisma, attachment.file.storageKey);
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([32, 48]);
    expect(attachment).toMatchObject({ mediaType: "image/jpeg", reencoded: true });
  });
});
