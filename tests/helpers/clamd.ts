import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { clamdPing } from "../../lib/uploads/clamd.ts";
import type { ClamdAddress } from "../../lib/uploads/clamd-address.ts";

// A real clamd for the upload tests (Debian's clamav-daemon; .ci/run installs it). It loads one
// signature written here, matching the EICAR test file, instead of ClamAV's downloaded databases,
// so it starts in well under a second with no network. Each test file starts one and stops it.

const CLAMD = "/usr/sbin/clamd";
// Small, so a test can see clamd refuse a stream with ERROR; uploads in production need 10M or more.
export const TEST_STREAM_MAX_BYTES = 1024 * 1024;

/** The EICAR anti-virus test file, built from pieces so this source file is not itself "infected". */
export function eicar(): Buffer {
  return Buffer.from(["X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-", "ANTIVIRUS-TEST-FILE!H+H*"].join(""), "latin1");
}

export type TestClamd = { tcp: ClamdAddress; unix: ClamdAddress; startedInMs: number; stop(): Promise<void> };

export async function startClamd(): Promise<TestClamd> {
  if (!fs.existsSync(CLAMD)) throw new Error(`${CLAMD} not found: apt-get install -y --no-install-recommends clamav-daemon`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clamd-test-"));
  const tcp: ClamdAddress = { kind: "tcp", host: "127.0.0.1", port: await freePort() };
  const unix: ClamdAddress = { kind: "unix", path: path.join(dir, "clamd.sock") };
  writeSignatures(path.join(dir, "db"));
  fs.writeFileSync(path.join(dir, "clamd.conf"), config(dir, tcp.port, unix.path));
  const started = performance.now();
  const child = spawn(CLAMD, ["-c", path.join(dir, "clamd.conf")], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const stop = () => stopClamd(child, dir);
  try {
    await waitForPong(tcp, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { tcp, unix, startedInMs: Math.round(performance.now() - started), stop };
}

function writeSignatures(dbDir: string) {
  fs.mkdirSync(dbDir);
  const test = eicar();
  // A hash signature: md5:size:name (ClamAV reports it as "Test.EICAR.Local.UNOFFICIAL").
  fs.writeFileSync(path.join(dbDir, "test.hdb"), `${createHash("md5").update(test).digest("hex")}:${test.length}:Test.EICAR.Local\n`);
}

function config(dir: string, port: number, socketPath: string): string {
  return [
    `DatabaseDirectory ${path.join(dir, "db")}`,
    `TCPSocket ${port}`,
    "TCPAddr 127.0.0.1",
    `LocalSocket ${socketPath}`,
    "Foreground yes",
    `StreamMaxLength ${TEST_STREAM_MAX_BYTES}`,
    // clamd switches to this user; CI runs as root, a developer's machine may not.
    ...(process.getuid?.() === 0 ? ["User root"] : []),
    "",
  ].join("\n");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPong(address: ClamdAddress, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`clamd exited (${child.exitCode}):\n${output()}`);
    try {
      return await clamdPing(address, { connectMs: 500, overallMs: 2_000 });
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`clamd did not answer PING in 30 s:\n${output()}`, { cause: error });
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

async function stopClamd(child: ChildProcess, dir: string) {
  if (child.exitCode === null && child.signalCode === null && child.pid) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(child.pid, "SIGTERM");
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
