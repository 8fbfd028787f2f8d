import net from "node:net";
import type { ClamdAddress } from "./clamd-address.ts";
import { ScannerUnavailable } from "./refusals.ts";
import type { Scanner, ScanVerdict } from "./scanner.ts";

// A client for ClamAV's clamd, written here because it is one small protocol: "zINSTREAM\0",
// then the file as chunks each prefixed with its length (4 bytes, big-endian), then a zero
// length; clamd answers one line ending in \0: "stream: OK", "stream: <signature> FOUND", or
// "<reason> ERROR". Every failure to get a verdict is ScannerUnavailable.

export type ClamdTimeouts = {
  /** How long to wait for the connection. */
  connectMs: number;
  /** How long the whole exchange may take, from connecting to the reply. */
  overallMs: number;
};

export const CLAMD_TIMEOUTS: ClamdTimeouts = { connectMs: 3_000, overallMs: 30_000 };

// Well under clamd's StreamMaxLength chunking; small enough to keep socket buffers small.
const CHUNK_BYTES = 64 * 1024;

export function createClamdScanner(address: ClamdAddress, timeouts: ClamdTimeouts = CLAMD_TIMEOUTS): Scanner {
  return {
    scan: (bytes) => clamdScan(address, bytes, timeouts),
    ping: () => clamdPing(address, timeouts),
  };
}

export async function clamdScan(address: ClamdAddress, bytes: Uint8Array, timeouts = CLAMD_TIMEOUTS): Promise<ScanVerdict> {
  return readVerdict(await exchange(address, (socket) => sendStream(socket, bytes), timeouts));
}

export async function clamdPing(address: ClamdAddress, timeouts = CLAMD_TIMEOUTS): Promise<void> {
  const reply = await exchange(address, (socket) => send(socket, Buffer.from("zPING\0")), timeouts);
  if (reply !== "PONG") throw new ScannerUnavailable("unexpected reply to PING");
}

/** clamd's reply as a verdict; an ERROR or anything unexpected is no verdict. */
export function readVerdict(reply: string): ScanVerdict {
  if (reply === "stream: OK") return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(reply);
  if (found) return { clean: false, signature: found[1] };
  // clamd's own error texts ("INSTREAM size limit exceeded. ERROR") carry nothing personal.
  throw new ScannerUnavailable(reply.endsWith("ERROR") ? `clamd said: ${reply}` : "unexpected reply");
}

async function sendStream(socket: net.Socket, bytes: Uint8Array): Promise<void> {
  await send(socket, Buffer.from("zINSTREAM\0"));
  for (let at = 0; at < bytes.byteLength; at += CHUNK_BYTES) {
    const chunk = bytes.subarray(at, at + CHUNK_BYTES);
    await send(socket, lengthPrefix(chunk.byteLength));
    await send(socket, chunk);
  }
  await send(socket, lengthPrefix(0)); // end of stream
}

function lengthPrefix(length: number): Buffer {
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(length);
  return prefix;
}

/** Writes, waiting while the socket's buffer is full so a 10 MB file is not queued at once. */
function send(socket: net.Socket, data: Uint8Array): Promise<void> {
  if (socket.destroyed) return Promise.reject(new Error("socket closed"));
  if (socket.write(data)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const drained = () => {
      socket.off("close", closed);
      resolve();
    };
    const closed = () => {
      socket.off("drain", drained);
      reject(new Error("socket closed"));
    };
    socket.once("drain", drained);
    socket.once("close", closed);
  });
}

/** Connects, lets `talk` write the request, and resolves with clamd's reply (without its \0). */
function exchange(address: ClamdAddress, talk: (socket: net.Socket) => Promise<void>, timeouts: ClamdTimeouts): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = address.kind === "tcp" ? net.connect({ host: address.host, port: address.port }) : net.connect({ path: address.path });
    const received: Buffer[] = [];
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(overallTimer);
      socket.destroy();
      outcome();
    };
    const fail = (reason: string, cause?: unknown) => settle(() => reject(new ScannerUnavailable(reason, { cause })));
    const connectTimer = setTimeout(() => fail(`no connection within ${timeouts.connectMs} ms`), timeouts.connectMs);
    const overallTimer = setTimeout(() => fail(`no reply within ${timeouts.overallMs} ms`), timeouts.overallMs);

    socket.on("connect", () => {
      clearTimeout(connectTimer);
      // A failed write also fails the socket: its error or close event settles the exchange.
      talk(socket).catch(() => {});
    });
    socket.on("data", (chunk: Buffer) => {
      received.push(chunk);
      const reply = Buffer.concat(received);
      const end = reply.indexOf(0);
      if (end >= 0) settle(() => resolve(reply.subarray(0, end).toString("utf8").trim()));
    });
    socket.on("error", (error: NodeJS.ErrnoException) => fail(error.code ?? "connection failed", error));
    socket.on("close", () => fail("connection closed before a reply"));
  });
}
