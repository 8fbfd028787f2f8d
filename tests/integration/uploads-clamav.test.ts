import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkUpload, createClamdScanner, pingScanner, ScannerUnavailable, UploadRefused, type Scanner } from "../../lib/uploads/index.ts";
import { eicar, startClamd, TEST_STREAM_MAX_BYTES, type TestClamd } from "../helpers/clamd.ts";
import { photo } from "../helpers/pictures.ts";
import { pdf } from "../helpers/upload-files.ts";

// Uploads scanned by a real clamd (Debian's clamav-daemon), started by this file on a signature
// it writes itself: EICAR is refused, clean files pass, and a scanner that cannot give a verdict
// stops the upload instead of letting it through unscanned.

let clamd: TestClamd;
let overTcp: Scanner;
let overSocket: Scanner;

beforeAll(async () => {
  clamd = await startClamd();
  console.log(`clamd answered PING ${clamd.startedInMs} ms after it was started`);
  overTcp = createClamdScanner(clamd.tcp);
  overSocket = createClamdScanner(clamd.unix);
});

afterAll(async () => {
  await clamd?.stop();
});

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => "accepted",
    (e: unknown) => e,
  );
}

/** A port on which nothing listens (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe("with a real clamd", () => {
  it.each([
    ["over TCP", () => overTcp],
    ["over its unix socket", () => overSocket],
  ])("refuses the EICAR test file as a virus %s, whatever it is called", async (_how, scanner) => {
    for (const name of ["eicar.txt", "certificate.pdf", "photo.jpg"]) {
      const error = await outcome(checkUpload({ name, bytes: eicar() }, { scanner: scanner() }));
      expect(error).toBeInstanceOf(UploadRefused);
      expect((error as UploadRefused).problems).toEqual([{ path: "file", message: "upload.virus" }]);
    }
  });

  it("passes clean files", async () => {
    const picture = await checkUpload({ name: "drawing.png", bytes: await photo("png") }, { scanner: overTcp });
    expect(picture).toMatchObject({ fileName: "drawing.png", mediaType: "image/png", reencoded: true });
    const document = pdf(200_000); // several 64 KB chunks
    const copy = await checkUpload({ name: "award.pdf", bytes: document }, { scanner: overSocket });
    expect(copy.bytes.equals(document)).toBe(true);
  });

  it("answers a ping", async () => {
    expect(await pingScanner(overTcp)).toBe("ok");
    expect(await pingScanner(overSocket)).toBe("ok");
  });

  it("stops the upload when clamd answers ERROR (here: a stream over its StreamMaxLength)", async () => {
    const tooLongForClamd = pdf(TEST_STREAM_MAX_BYTES + 100_000);
    const error = await outcome(checkUpload({ name: "big.pdf", bytes: tooLongForClamd }, { scanner: overTcp }));
    expect(error).toBeInstanceOf(ScannerUnavailable);
  });
});

describe("when the scanner cannot be reached", () => {
  it("stops the upload, and the ping, with ScannerUnavailable when nothing listens on the port", async () => {
    const scanner = createClamdScanner({ kind: "tcp", host: "127.0.0.1", port: await closedPort() });
    const error = await outcome(checkUpload({ name: "award.pdf", bytes: pdf() }, { scanner }));
    expect(error).toBeInstanceOf(ScannerUnavailable);
    expect((error as ScannerUnavailable).messageKey).toBe("upload.scannerUnavailable");
    expect(await outcome(pingScanner(scanner))).toBeInstanceOf(ScannerUnavailable);
  });

  it("stops the upload when the socket path does not exist", async () => {
    const scanner = createClamdScanner({ kind: "unix", path: `${clamd.unix.kind === "unix" ? clamd.unix.path : ""}.missing` });
    expect(await outcome(checkUpload({ name: "award.pdf", bytes: pdf() }, { scanner }))).toBeInstanceOf(ScannerUnavailable);
  });

  it("stops the upload when the scanner accepts but never answers", async () => {
    const silent = net.createServer((socket) => socket.on("data", () => {})).listen(0, "127.0.0.1");
    await new Promise((r) => silent.once("listening", r));
    try {
      const { port } = silent.address() as net.AddressInfo;
      const scanner = createClamdScanner({ kind: "tcp", host: "127.0.0.1", port }, { connectMs: 1_000, overallMs: 500 });
      const started = Date.now();
      const error = await outcome(checkUpload({ name: "award.pdf", bytes: pdf() }, { scanner }));
      expect(error).toBeInstanceOf(ScannerUnavailable);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      silent.close();
    }
  });
});
