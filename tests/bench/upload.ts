// How long lib/uploads takes to make a safe copy of a phone photo, and the memory it needs:
//   npx tsx tests/bench/upload.ts
// BENCH_HEIC=1 also times a 12-megapixel HEIC (made from the photo by Debian's heif-enc, from
// libheif-examples, which takes a minute); BENCH_JPEG=0 leaves the JPEG out.
// The photo comes from tests/bench/photo.ts: 4032 × 3024 (a 12-megapixel phone camera) of
// gradients and grain, as a JPEG of about 5 MB with EXIF, GPS and orientation 6, so every step
// (rotate, strip, re-encode) runs. It prints milliseconds per photo (median of several runs after
// one warm-up), then ten photos at once, as when ten people send at the same moment; and the
// process's resident memory before, at its peak (sampled every 5 ms while sharp works on its own
// threads), and the process's high-water mark. Figures only: nothing is asserted, since the
// machine is shared.
// CLAMAV_URL, if set, is used as the app would, and the scan is then part of the figure.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkUpload } from "../../lib/uploads/check-upload.ts";
import { env } from "../../lib/env.ts";
import { HEIGHT, makePhoto, WIDTH } from "./photo.ts";

const RUNS = 5;

/** Peak resident memory while `work` runs, sampled between the event loop's turns. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  try {
    const result = await work();
    return { result, peak: Math.max(peak, process.memoryUsage.rss()) };
  } finally {
    clearInterval(sampler);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeOne(name: string, bytes: Buffer): Promise<number> {
  const started = performance.now();
  await checkUpload({ name, bytes });
  return performance.now() - started;
}

async function bench(label: string, name: string, bytes: Buffer) {
  await timeOne(name, bytes); // warm-up: libvips and libheif set up once
  const before = process.memoryUsage.rss();
  const { result: times, peak } = await withPeakRss(async () => {
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await timeOne(name, bytes));
    return runs;
  });
  console.log(`${label} (${mb(bytes.length)}): ${median(times).toFixed(0)} ms per photo (median of ${RUNS}); RSS ${mb(before)} before, ${mb(peak)} at peak`);
  const started = performance.now();
  const together = await withPeakRss(() => Promise.all(Array.from({ length: 10 }, () => checkUpload({ name, bytes }))));
  console.log(`  10 at once: ${(performance.now() - started).toFixed(0)} ms in all; RSS ${mb(together.peak)} at peak`);
}

function heicFrom(jpeg: Buffer): Buffer | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-heic-"));
  try {
    fs.writeFileSync(path.join(dir, "in.jpg"), jpeg);
    execFileSync("heif-enc", ["-q", "50", "-o", path.join(dir, "out.heic"), path.join(dir, "in.jpg")], { stdio: "ignore" });
    return fs.readFileSync(path.join(dir, "out.heic"));
  } catch {
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const photo = await makePhoto();
  console.log(`uploads: ${WIDTH} × ${HEIGHT} photo; scanning ${env.CLAMAV_URL ? "with clamd" : "off (CLAMAV_URL unset)"}; ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}`);
  if (process.env.BENCH_JPEG !== "0") await bench("JPEG → JPEG", "photo.jpg", photo);
  if (process.env.BENCH_HEIC === "1") {
    const heic = heicFrom(photo);
    if (heic) await bench("HEIC → JPEG", "photo.heic", heic);
    else console.log("HEIC → JPEG: skipped (no heif-enc: apt-get install libheif-examples)");
  }
  console.log(`process high-water RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

await main();
