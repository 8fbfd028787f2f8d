// The portal's server process and its memory, read from Linux's /proc: the benchmark starts
// scripts/start.ts, which runs Next.js in a child process (scripts/serve.ts); that child is the
// one whose memory grows while uploads are handled.
import fs from "node:fs";

/** The pid of the process running scripts/serve.ts among the descendants of `rootPid`. */
export function findServerPid(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const parent = parentOf(Number(name));
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
  }
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift()!;
    if (pid !== rootPid && commandOf(pid).includes("scripts/serve.ts")) return pid;
    queue.push(...(children.get(pid) ?? []));
  }
  throw new Error(`no scripts/serve.ts process under pid ${rootPid}`);
}

function parentOf(pid: number): number | null {
  try {
    // "pid (comm) state ppid …": the command may hold spaces and brackets, so read after the last ")".
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null; // gone meanwhile
  }
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/** Resident memory now (VmRSS) and its high-water mark (VmHWM), in bytes. */
export function readMemory(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kib("VmRSS"), hwm: kib("VmHWM") };
}

/**
 * Resets the process's high-water mark to its current resident memory (Linux 4.0 and later, for
 * a process we may write to), so that VmHWM afterwards is the peak of what follows. False when
 * the kernel or permissions do not allow it.
 */
export function resetPeak(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/** Samples VmRSS every `everyMs` until stopped; the peak seen and how many samples were taken. */
export function sampleRss(pid: number, everyMs: number) {
  let peak = readMemory(pid).rss;
  let samples = 1;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, readMemory(pid).rss);
      samples++;
    } catch {
      // the server went away: the run reports that elsewhere
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { peak, samples };
    },
  };
}
