import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../lib/db/connect.ts";
import { root, runScript, withDataFolder, type Run } from "../helpers/cli.ts";
import { readStoredFile } from "../helpers/files.ts";
import { makeExtract } from "../helpers/import-extract.ts";

// The import command as an operator runs it: a real process on a PGlite data folder of its own
// (no DATABASE_URL).

const demoFile = path.join(root, "prisma/demo/case-records.json");
const SECRET = "Zebedee Quillfeather";

let dataDir: string;
let workDir: string;

function run(args: string[]): Promise<Run> {
  return runScript("scripts/records-import.ts", args, dataDir);
}

function withDb<T>(fn: (c: Connection) => Promise<T>): Promise<T> {
  return withDataFolder(dataDir, fn);
}

const entryCount = () => withDb(({ prisma }) => prisma.entry.count());

function writeFile(name: string, content: string): string {
  const file = path.join(workDir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** An expected failure: exit 1, nothing on stdout, no stack trace, and no value from the file. */
function expectFailure(result: Run, firstLine: RegExp) {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr.split("\n")[0]).toMatch(firstLine);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toContain(SECRET);
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-import-cli-data-"));
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-import-cli-files-"));
});

afterAll(() => {
  for (const dir of [dataDir, workDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("records:import command", () => {
  it("imports a valid file, prints a one-line summary and exits 0", async () => {
    const result = await run([demoFile]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      "Imported: children 3 created, 0 updated, 0 unchanged; people 12 created, 0 updated, 0 unchanged; entries 43 created, 0 updated, 0 unchanged.\n",
    );
    expect(await entryCount()).toBe(43);
    // Attachments went into the database with the entries, and nothing into a file folder.
    const stored = await withDb(async ({ prisma }) => {
      const files = await prisma.storedFile.findMany({ select: { storageKey: true, size: true } });
      return Promise.all(files.map(async ({ storageKey, size }) => ({ size, bytes: (await readStoredFile(prisma, storageKey)).byteLength })));
    });
    expect(stored).toHaveLength(2);
    for (const { size, bytes } of stored) expect(bytes).toBe(size);
    expect(fs.existsSync(path.join(dataDir, "files"))).toBe(false);
  });

  it("reports the same file again as unchanged (after `--`, as npm passes it)", async () => {
    const result = await run(["--", demoFile]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Imported: children 0 created, 0 updated, 3 unchanged; .* entries 0 created, 0 updated, 43 unchanged\.\n$/);
  });

  it("rejects an invalid file, naming every problem by path, and writes nothing", async () => {
    const doc = JSON.parse(fs.readFileSync(demoFile, "utf8"));
    doc.children[0].entries[1].sharing = { withChild: false, withFamily: false };
    doc.children[0].entries[2].sharing.excludePeople = ["P-404"];
    doc.children[1].nickname = SECRET;
    doc.children[2].dateOfBirth = SECRET;
    doc.children.push({ externalId: "C-9999", fullName: SECRET, dateOfBirth: "2015-01-01", entries: [] });
    const before = await entryCount();

    const result = await run([writeFile("invalid.json", JSON.stringify(doc))]);
    expectFailure(result, /^records-import: nothing was imported; the file has 4 problems:$/);
    expect(result.stderr.trim().split("\n").slice(1).sort()).toEqual(
      [
        "children[0].entries[1].sharing.restriction: is required",
        "children[0].entries[2].sharing.excludePeople[0]: does not name a person of this child in the file or already imported",
        "children[1].nickname: unknown field",
        "children[2].dateOfBirth: must be a real date written YYYY-MM-DD",
      ].sort(),
    );
    expect(await entryCount()).toBe(before);
    expect(await withDb(({ prisma }) => prisma.child.count({ where: { externalId: "C-9999" } }))).toBe(0);
  });

  it("rejects a file that is not JSON in one line", async () => {
    const result = await run([writeFile("broken.json", `{"children": [{"fullName": "${SECRET}" `)]);
    expectFailure(result, /^records-import: nothing was imported; the file has 1 problem:$/);
    expect(result.stderr.trim().split("\n")[1]).toMatch(/^\$: is not valid JSON/);
  });

  it("refuses deep nesting, repeated fields and an oversized file by name, writing nothing", async () => {
    const before = await entryCount();
    const deep = await run([writeFile("deep.json", `{"children": [${"[".repeat(10_000)}${"]".repeat(10_000)}]}`)]);
    expectFailure(deep, /^records-import: nothing was imported; the file has 1 problem:$/);
    expect(deep.stderr.trim().split("\n")[1]).toMatch(/^children\[0\](\[0\])+: nests objects and lists more than 16 deep, which is the nesting limit/);
    expect(deep.stderr).not.toMatch(/unexpected error|call stack/);

    const doc = JSON.parse(fs.readFileSync(demoFile, "utf8"));
    const text = JSON.stringify(doc).replace('"withFamily":true', '"withFamily":true,"withFamily":false');
    const twice = await run([writeFile("twice.json", text)]);
    expectFailure(twice, /^records-import: nothing was imported; the file has 1 problem:$/);
    expect(twice.stderr.trim().split("\n")[1]).toMatch(/^children\[0\]\.entries\[\d+\]\.sharing\.withFamily: is given more than once in the same object/);

    // Sparse: 300 MB on paper, nothing on disk. Refused from its size, before it is read.
    const huge = path.join(workDir, "huge.json");
    fs.writeFileSync(huge, "");
    fs.truncateSync(huge, 300 * 1024 * 1024);
    const big = await run([huge]);
    expectFailure(big, /^records-import: nothing was imported; the file has 1 problem:$/);
    expect(big.stderr.trim().split("\n")[1]).toBe("$: is larger than 256 MB, the most one import file may be: split the extract into several files");
    expect(await entryCount()).toBe(before);
  });

  it("reports progress on a large file to stderr, in counts only", async () => {
    const result = await run([writeFile("large.json", JSON.stringify(makeExtract({ children: 5, perChild: 500, tag: "CLI" })))]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("records-import: 2,000 of 2,500 entries written\nrecords-import: 2,500 of 2,500 entries written\n");
    expect(result.stdout).toMatch(/entries 2500 created, 0 updated, 0 unchanged\.\n$/);
  });

  it("says clearly when the file cannot be read", async () => {
    const missing = await run([path.join(workDir, "no-such-file.json")]);
    expectFailure(missing, /^records-import: cannot read the file: there is no such file$/);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);

    const folder = await run([workDir]);
    expectFailure(folder, /^records-import: cannot read the file: it is a folder$/);
  });

  it("explains its usage when no file is given", async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^records-import: No file given\nUsage: npm run records:import -- FILE/);
  });

  it("says the embedded database is in use instead of corrupting it", async () => {
    const file = writeFile("ok.json", fs.readFileSync(demoFile, "utf8"));
    const result = await withDb(() => run([file]));
    expectFailure(result, /^records-import: unexpected error: The embedded database in .* is in use by process \d+/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
