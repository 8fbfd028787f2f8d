import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Connection } from "../../lib/db/connect.ts";
import { runScript, withDataFolder, type Run } from "../helpers/cli.ts";
import { signIn } from "../../lib/auth/sign-in.ts";
import { systemClock } from "../../lib/clock.ts";

// The accounts command as an operator runs it: a real process, on a PGlite data folder of its own
// (no DATABASE_URL), the password piped in on standard input.

const PASSWORD = "a long staff passphrase";

let dataDir: string;

function run(args: string[], stdin?: string): Promise<Run> {
  return runScript("scripts/accounts.ts", args, dataDir, stdin);
}

const create = (args: string[], password = PASSWORD) => run(["create", ...args, "--password-stdin"], `${password}\n`);

function withDb<T>(fn: (c: Connection) => Promise<T>): Promise<T> {
  return withDataFolder(dataDir, fn);
}

/** An expected failure: non-zero exit, and the first line of stderr says what is wrong. */
function expectFailure(result: Run, message: RegExp, code = 1) {
  expect(result.code).toBe(code);
  const first = result.stderr.trim().split("\n")[0]!;
  expect(first).toMatch(/^accounts: /);
  expect(first).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(result.stdout).toBe("");
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-accounts-cli-"));
  await withDb(async ({ prisma, migrate }) => {
    await migrate();
    const child = await prisma.child.create({ data: { externalId: "C-1001", fullName: "Amira Khan", dateOfBirth: new Date("2011-05-06") } });
    const other = await prisma.child.create({ data: { externalId: "C-1002", fullName: "Bo Li", dateOfBirth: new Date("2013-07-08") } });
    const mother = await prisma.person.create({ data: { externalId: "P-1", fullName: "Sana Khan" } });
    const advocate = await prisma.person.create({ data: { externalId: "P-30", fullName: "Ade Advocate" } });
    await prisma.childPerson.create({ data: { childId: child.id, personId: mother.id, relationship: "mother" } });
    await prisma.childPerson.create({ data: { childId: child.id, personId: advocate.id, relationship: "advocate" } });
    await prisma.person.create({ data: { externalId: "P-99", fullName: "Unlinked Person" } });
    void other;
  });
});

afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("accounts command", () => {
  it("creates a child account linked to their record, reading the password from stdin", async () => {
    const result = await create(["--username", "Amira", "--role", "child", "--child", "C-1001"], "child pass 123");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout.trim()).toBe('Created child account "amira" with 1 grant(s).');
    expect(result.stdout + result.stderr).not.toContain("child pass 123");
    await withDb(async ({ prisma }) => {
      const user = await prisma.user.findUniqueOrThrow({ where: { username: "amira" }, include: { child: true, grants: true } });
      expect(user.role).toBe("child");
      expect(user.child?.externalId).toBe("C-1001");
      expect(user.displayName).toBe("Amira");
      expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
      expect(user.grants.map((g) => [g.kind, g.childId])).toEqual([["subject", user.childId]]);
      expect((await signIn({ db: prisma, clock: systemClock, username: "amira", password: "child pass 123" })).ok).toBe(true);
    });
  });

  it("creates a parent account linked to a person, and staff accounts unlinked", async () => {
    const parent = await create(["--username", "sana", "--role", "parent", "--person", "P-1"], "family pass 1");
    expect(parent.code).toBe(0);
    expect(parent.stdout).toContain("1 grant(s)");
    const worker = await create(["--username", "jpatel", "--role", "caseworker", "--team", "North", "--name", "J Patel", "--email", "jpatel@council.example"]);
    expect(worker.code).toBe(0);
    expect(worker.stdout).toContain("0 grant(s)");
    const admin = await create(["--username", "admin1", "--role", "admin"]);
    expect(admin.code).toBe(0);
    await withDb(async ({ prisma }) => {
      const sana = await prisma.user.findUniqueOrThrow({ where: { username: "sana" }, include: { person: true, grants: true } });
      expect(sana.person?.externalId).toBe("P-1");
      expect(sana.grants.map((g) => g.kind)).toEqual(["family"]);
      const jp = await prisma.user.findUniqueOrThrow({ where: { username: "jpatel" }, include: { team: true, grants: true } });
      expect(jp).toMatchObject({ childId: null, personId: null, displayName: "J Patel", email: "jpatel@council.example" });
      expect(jp.team?.name).toBe("North");
      expect(jp.grants).toEqual([]);
    });
  });

  it("refuses an unknown child with one clear line, and creates nothing", async () => {
    const result = await create(["--username", "ghost", "--role", "child", "--child", "C-404"]);
    expectFailure(result, /No child record with external id C-404/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    await withDb(async ({ prisma }) => expect(await prisma.user.count({ where: { username: "ghost" } })).toBe(0));
  });

  it("refuses an unknown person, and a person linked to no child", async () => {
    expectFailure(await create(["--username", "nobody1", "--role", "parent", "--person", "P-404"], "family pass 1"), /No person with external id P-404/);
    expectFailure(await create(["--username", "nobody2", "--role", "carer", "--person", "P-99"], "family pass 1"), /not linked to any child/);
  });

  it("refuses a second account for the same child", async () => {
    expectFailure(await create(["--username", "amira2", "--role", "child", "--child", "C-1001"], "child pass 123"), /already has an account/);
  });

  it("refuses an unknown role before asking for a password", async () => {
    const result = await run(["create", "--username", "x1", "--role", "wizard", "--password-stdin"]);
    expectFailure(result, /Unknown role "wizard"/, 2);
    expect(result.stderr).toContain("Roles: child, parent, carer, advocate, caseworker, manager, admin");
  });

  it("refuses a short staff password", async () => {
    const result = await create(["--username", "shorty", "--role", "caseworker"], "elevenchars");
    expectFailure(result, /at least 12 characters/);
    expect(result.stderr).not.toContain("elevenchars");
    await withDb(async ({ prisma }) => expect(await prisma.user.count({ where: { username: "shorty" } })).toBe(0));
  });

  it("refuses an empty password", async () => {
    expectFailure(await run(["create", "--username", "empty1", "--role", "admin", "--password-stdin"], ""), /too short/);
  });

  it("refuses a duplicate username, whatever its case", async () => {
    expectFailure(await create(["--username", "JPatel", "--role", "admin"]), /username "jpatel" is already taken/);
  });

  it("refuses to run without --password-stdin, and never takes a password as an argument", async () => {
    expectFailure(await run(["create", "--username", "nopass", "--role", "admin"]), /--password-stdin is required/, 2);
    expectFailure(await run(["create", "--username", "nopass", "--role", "admin", "--password", PASSWORD]), /Unknown option '--password'/, 2);
  });

  it("refuses links that do not fit the role", async () => {
    expectFailure(await create(["--username", "cw2", "--role", "caseworker", "--child", "C-1001"]), /cannot name a child or a person/);
    expectFailure(await create(["--username", "kid2", "--role", "child"], "child pass 123"), /must name the child's record/);
    expectFailure(await create(["--username", "adv2", "--role", "advocate", "--person", "P-1"], "family pass 1"), /not named as an advocate/);
  });

  it("refuses an email that is not an address, and creates nothing", async () => {
    expectFailure(await create(["--username", "cw3", "--role", "caseworker", "--email", "cw3-at-council"]), /not an email address/);
    await withDb(async ({ prisma }) => expect(await prisma.user.count({ where: { username: "cw3" } })).toBe(0));
  });

  it("refuses an unknown command or option with usage", async () => {
    const result = await run(["frobnicate"]);
    expectFailure(result, /Unknown command "frobnicate"/, 2);
    expect(result.stderr).toContain("npm run accounts:create");
    expectFailure(await run(["disable"]), /--username is required/, 2);
  });

  it("allocates a caseworker to a child, idempotently", async () => {
    const first = await run(["allocate", "--username", "jpatel", "--child", "C-1001"]);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout.trim()).toBe('Allocated "jpatel" to C-1001.');
    const again = await run(["allocate", "--username", "jpatel", "--child", "C-1001"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("already allocated");
    await withDb(async ({ prisma }) => {
      const grants = await prisma.grant.findMany({ where: { kind: "allocation", user: { username: "jpatel" }, revokedAt: null } });
      expect(grants).toHaveLength(1);
    });
  });

  it("refuses to allocate an unknown user, a non-caseworker, or to an unknown child", async () => {
    expectFailure(await run(["allocate", "--username", "nobody", "--child", "C-1001"]), /No account with the username "nobody"/);
    expectFailure(await run(["allocate", "--username", "sana", "--child", "C-1001"]), /Only caseworkers can be allocated/);
    expectFailure(await run(["allocate", "--username", "jpatel", "--child", "C-404"]), /No child record with external id C-404/);
    expectFailure(await run(["allocate", "--username", "jpatel"]), /--child is required/, 2);
  });

  it("registers an advocate account (which needs no person) for children to choose", async () => {
    expect((await create(["--username", "leah", "--role", "advocate"], "family pass 1")).stdout.trim()).toBe('Created advocate account "leah" with 0 grant(s).');
    const result = await run(["register-advocate", "--username", "leah", "--organisation", "Voices North"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout.trim()).toBe('Registered "leah" as an advocate children can choose.');
    const registered = await withDb(({ prisma }) => prisma.advocateRegistration.findMany({ select: { organisation: true, user: { select: { username: true } } } }));
    expect(registered).toEqual([{ organisation: "Voices North", user: { username: "leah" } }]);
    expectFailure(await run(["register-advocate", "--username", "sana", "--organisation", "X"]), /Only an advocate account can be registered/);
    expectFailure(await run(["register-advocate", "--username", "leah"]), /--organisation is required/, 2);
  });

  it("disables an account, ending its sessions, so it cannot sign in", async () => {
    const session = await withDb(async ({ prisma }) => {
      const r = await signIn({ db: prisma, clock: systemClock, username: "admin1", password: PASSWORD });
      expect(r.ok).toBe(true);
      return r;
    });
    expect(session.ok).toBe(true);
    const result = await run(["disable", "--username", "admin1"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout.trim()).toBe('Disabled "admin1"; ended 1 session(s).');
    const again = await run(["disable", "--username", "admin1"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("already disabled");
    await withDb(async ({ prisma }) => {
      expect(await signIn({ db: prisma, clock: systemClock, username: "admin1", password: PASSWORD })).toEqual({ ok: false, reason: "invalid" });
      expect(await prisma.session.count({ where: { user: { username: "admin1" }, revokedAt: null } })).toBe(0);
    });
    expectFailure(await run(["disable", "--username", "nobody"]), /No account with the username "nobody"/);
  });

  it("says in one line when the data folder is in use by another process", async () => {
    // This test process holds the folder open; the command must not open it too.
    const conn = await connect({ kind: "pglite", dir: path.join(dataDir, "db") });
    try {
      const result = await run(["disable", "--username", "sana"]);
      expectFailure(result, /cannot open the database: .*in use by process/);
    } finally {
      await conn.close();
    }
    await withDb(async ({ prisma }) => {
      expect((await prisma.user.findUniqueOrThrow({ where: { username: "sana" } })).disabledAt).toBeNull();
    });
  });
});
