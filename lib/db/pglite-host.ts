import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";

// Serves the embedded database (PGlite, one session) to other processes of the same owner over
// a Unix socket, speaking PostgreSQL's wire protocol, so the portal and the command-line tools
// can all use it at once.
//
// PGlite has a single session, so connections take turns: a connection holds the session from
// its first message until PGlite reports it idle again (ReadyForQuery with status 'I'). A
// transaction, or an extended-protocol Parse/Bind/Execute/Sync exchange, therefore runs alone,
// exactly as it would on a connection of its own. Interleaving at message level instead would
// let one connection's Parse replace another's unnamed statement before its Bind.

export const SOCKET_NAME = ".s.PGSQL.5432";
// A connection holding the session without a word for this long is cut off (and rolled back),
// so one stuck client cannot stop the portal.
const IDLE_HOLD_MS = 60_000;

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

export type PgliteHost = { socketPath: string; close(): Promise<void> };

/** Listens on `<dir>/.s.PGSQL.5432`, readable and writable by this user only. */
export async function servePglite(pglite: PGlite, dir: string): Promise<PgliteHost> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  const socketPath = path.join(dir, SOCKET_NAME);
  fs.rmSync(socketPath, { force: true });
  const turns = new TurnQueue();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    serveConnection(pglite, turns, socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // The umask makes the socket private from the moment it exists; chmod keeps it so.
    const umask = process.umask(0o177);
    server.listen(socketPath, () => resolve());
    process.umask(umask);
  });
  fs.chmodSync(socketPath, 0o600);
  return {
    socketPath,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(socketPath, { force: true });
    },
  };
}

function serveConnection(pglite: PGlite, turns: TurnQueue, socket: net.Socket) {
  let buffer = Buffer.alloc(0);
  let started = false;
  let holding = false;
  let chain = Promise.resolve();
  let idleTimer: NodeJS.Timeout | undefined;

  const release = () => {
    if (!holding) return;
    holding = false;
    clearTimeout(idleTimer);
    turns.release();
  };

  const run = async (message: Uint8Array) => {
    if (!holding) {
      await turns.acquire();
      holding = true;
    }
    if (socket.destroyed) return release();
    const reply = await pglite.runExclusive(() => pglite.execProtocolRaw(message));
    if (!socket.destroyed) socket.write(reply);
    if (lastReadyStatus(reply) === "I") release();
    else if (holding) {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => socket.destroy(), IDLE_HOLD_MS);
    }
  };

  socket.on("data", (data) => {
    buffer = Buffer.concat([buffer, data]);
    for (;;) {
      const next = takeMessage(buffer, started);
      if (!next) break;
      buffer = buffer.subarray(next.length);
      const message = next.message;
      if (!started) {
        const code = message.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          socket.write("N");
          continue;
        }
        if (code === CANCEL_REQUEST) return void socket.destroy();
        started = true;
      } else if (message[0] === 0x58 /* 'X': Terminate */) {
        return void socket.end();
      }
      chain = chain.then(() => run(new Uint8Array(message))).catch(() => void socket.destroy());
    }
  });

  // A connection that goes away in the middle of a transaction must not leave it open.
  socket.on("close", () => {
    chain = chain.then(async () => {
      if (!holding) return;
      // exec takes PGlite's own lock (execProtocolRaw does not, hence runExclusive above).
      if (pglite.isInTransaction()) await pglite.exec("ROLLBACK").catch(() => {});
      release();
    });
  });
  socket.on("error", () => socket.destroy());
}

// One complete message at the start of the buffer: untyped (length first) before start-up,
// typed (one byte, then length) after.
function takeMessage(buffer: Buffer, started: boolean): { message: Buffer; length: number } | null {
  const lengthAt = started ? 1 : 0;
  if (buffer.length < lengthAt + 4) return null;
  const length = lengthAt + buffer.readInt32BE(lengthAt);
  if (buffer.length < length) return null;
  return { message: buffer.subarray(0, length), length };
}

/** The transaction status of the last ReadyForQuery in a reply ('I' idle, 'T' in, 'E' failed). */
export function lastReadyStatus(reply: Uint8Array): string | null {
  const view = Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength);
  let status: string | null = null;
  for (let at = 0; at + 5 <= view.length; ) {
    const type = view[at];
    const length = view.readInt32BE(at + 1);
    if (type === 0x5a /* 'Z' */ && length === 5) status = String.fromCharCode(view[at + 5]);
    at += 1 + length;
  }
  return status;
}

// First come, first served turns at the single session.
class TurnQueue {
  private busy = false;
  private waiting: Array<() => void> = [];

  acquire(): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }
}
