import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testFileStore } from "../helpers/files.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { fixedClock } from "../../lib/clock.ts";
import { createAccount, type CreateAccountInput } from "../../lib/accounts/create-account.ts";
import { allocateCaseworker } from "../../lib/accounts/allocate-caseworker.ts";
import { disableAccount } from "../../lib/accounts/disable-account.ts";
import { createDemoAccounts, DEMO_TOTP_SECRET } from "../../lib/accounts/demo-accounts.ts";
import { findChildrenForActor } from "../../lib/access/policy.ts";
import { importRecords } from "../../lib/imports/apply.ts";
import { Conflict, Forbidden, Invalid } from "../../lib/errors/index.ts";
import { addChild, addPerson, makeAccount, STAFF_PASSWORD, SYSTEM, uniq } from "../helpers/account-fixtures.ts";
import { signInFully } from "../helpers/second-factor.ts";

describe.each(databaseKinds())("accounts on %s", (kind) => {
  let test: TestDb;
  const clock = fixedClock("2026-06-01T09:00:00Z");
  const db = () => test.prisma;
  const base = (over: Partial<CreateAccountInput>): CreateAccountInput => ({
    db: db(),
    clock,
    actor: SYSTEM,
    username: uniq("u"),
    role: "admin",
    password: STAFF_PASSWORD,
    ...over,
  });

  beforeAll(async () => {
    test = await createTestDb(kind);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("only an administrator or the system may manage accounts", async () => {
    const admin = await makeAccount(db(), clock, { role: "admin" });
    const worker = await makeAccount(db(), clock, { role: "caseworker" });
    const byAdmin = await createAccount(base({ actor: admin.actor }));
    expect(byAdmin.role).toBe("admin");
    const username = uniq("u");
    await expect(createAccount(base({ actor: worker.actor, username }))).rejects.toBeInstanceOf(Forbidden);
    await expect(disableAccount({ db: db(), clock, actor: worker.actor, username: admin.username })).rejects.toBeInstanceOf(Forbidden);
    await expect(
      allocateCaseworker({ db: db(), clock, actor: worker.actor, username: worker.username, childExternalId: "C-x" }),
    ).rejects.toBeInstanceOf(Forbidden);
    expect(await db().user.count({ where: { username } })).toBe(0);
  });

  it("keeps an email address for notifications, trimmed, and refuses one that is not an address", async () => {
    const made = await createAccount(base({ role: "caseworker", team: "North", email: "  worker@council.example " }));
    expect((await db().user.findUniqueOrThrow({ where: { id: made.id } })).email).toBe("worker@council.example");
    const none = await createAccount(base({ role: "admin" }));
    expect((await db().user.findUniqueOrThrow({ where: { id: none.id } })).email).toBeNull();
    for (const email of ["not-an-address", "a@b", "two@at@signs.example", ""]) {
      const username = uniq("u");
      await expect(createAccount(base({ username, email })), email).rejects.toBeInstanceOf(Invalid);
      expect(await db().user.count({ where: { username } })).toBe(0);
    }
  });

  it("gives a parent one family grant for each child their person is linked to", async () => {
    const [a, b] = [await addChild(db()), await addChild(db())];
    const person = await addPerson(db(), [
      { childId: a.id, relationship: "father" },
      { childId: b.id, relationship: "father" },
    ]);
    const made = await createAccount(base({ role: "parent", password: "family pass 1", personExternalId: person.externalId }));
    expect(made.grantCount).toBe(2);
    expect(made.displayName).toBe(person.fullName);
    const grants = await db().grant.findMany({ where: { userId: made.id } });
    expect(grants.map((g) => g.kind)).toEqual(["family", "family"]);
    expect(grants.map((g) => g.childId).sort()).toEqual([a.id, b.id].sort());
  });

  it("an advocate account follows only the records that name its person as advocate", async () => {
    const [a, b] = [await addChild(db()), await addChild(db())];
    const person = await addPerson(db(), [
      { childId: a.id, relationship: "advocate" },
      { childId: b.id, relationship: "grandparent" },
    ]);
    const advocate = await makeAccount(db(), clock, { role: "advocate", person: person.externalId });
    expect((await findChildrenForActor({ db: db(), actor: advocate.actor })).map((c) => c.id)).toEqual([a.id]);
  });

  it("will not make a family member an advocate, nor an advocate a family member", async () => {
    const kid = await addChild(db());
    const mother = await addPerson(db(), [{ childId: kid.id, relationship: "mother" }]);
    const helper = await addPerson(db(), [{ childId: kid.id, relationship: "advocate" }]);
    await expect(createAccount(base({ role: "advocate", password: "family pass 1", personExternalId: mother.externalId }))).rejects.toBeInstanceOf(
      Invalid,
    );
    await expect(createAccount(base({ role: "parent", password: "family pass 1", personExternalId: helper.externalId }))).rejects.toBeInstanceOf(
      Invalid,
    );
    expect(await db().user.count({ where: { personId: { in: [mother.id, helper.id] } } })).toBe(0);
  });

  it("rejects invalid usernames and teams for roles without one", async () => {
    await expect(createAccount(base({ username: "bad name" }))).rejects.toBeInstanceOf(Invalid);
    await expect(createAccount(base({ username: "x" }))).rejects.toBeInstanceOf(Invalid);
    await expect(createAccount(base({ role: "admin", team: "North" }))).rejects.toBeInstanceOf(Invalid);
    await expect(createAccount(base({ role: "manager", team: "  " }))).rejects.toBeInstanceOf(Invalid);
  });

  it("creates a team once, however many accounts name it", async () => {
    const team = uniq("Team");
    await makeAccount(db(), clock, { role: "caseworker", team });
    await makeAccount(db(), clock, { role: "manager", team });
    expect(await db().team.count({ where: { name: team } })).toBe(1);
    expect(await db().user.count({ where: { team: { name: team } } })).toBe(2);
  });

  it("two creators racing for one username: one wins, the other gets Conflict", async () => {
    const username = uniq("race");
    const results = await Promise.allSettled([createAccount(base({ username })), createAccount(base({ username }))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(Conflict);
    expect(await db().user.count({ where: { username } })).toBe(1);
  });

  it("refuses to allocate a disabled caseworker", async () => {
    const kid = await addChild(db());
    const worker = await makeAccount(db(), clock, { role: "caseworker" });
    await disableAccount({ db: db(), clock, actor: SYSTEM, username: worker.username });
    await expect(
      allocateCaseworker({ db: db(), clock, actor: SYSTEM, username: worker.username, childExternalId: kid.externalId }),
    ).rejects.toBeInstanceOf(Invalid);
    expect(await db().grant.count({ where: { userId: worker.actor.userId } })).toBe(0);
  });

  it("the demo accounts sign in and see what their descriptions say", async () => {
    const raw = fs.readFileSync(path.resolve(import.meta.dirname, "../../prisma/demo/case-records.json"));
    const imported = await importRecords({ db: db(), files: testFileStore, clock, actor: SYSTEM, raw });
    expect(imported.ok).toBe(true);
    const demo = await createDemoAccounts({ db: db(), clock });
    // Running it again leaves existing accounts alone.
    expect(await createDemoAccounts({ db: db(), clock })).toEqual(demo);
    const seen: Record<string, string[]> = {};
    for (const account of demo) {
      // Demo staff type the code from an app holding the README's demo secret; newstaff* set one up.
      const result = await signInFully({ db: db(), clock, username: account.username, password: account.password }, DEMO_TOTP_SECRET);
      if (!result.ok) throw new Error(`${account.username} cannot sign in`);
      const actor = { userId: result.user.id, role: result.user.role, displayName: result.user.displayName };
      seen[account.username] = (await findChildrenForActor({ db: db(), actor })).map((c) => c.externalId).sort();
    }
    expect(seen).toEqual({
      amira: ["C-1001"],
      sana: ["C-1001"],
      imran: ["C-1001"],
      fosterdad: ["C-1002"],
      advocate: ["C-1001"],
      jpatel: ["C-1001", "C-1002", "C-1003"],
      mmanager: ["C-1001", "C-1002", "C-1003"],
      lbrooks: [], // registered, not chosen by any child yet
      admin: [],
      pwchange: [], // a caseworker with no children, whose password the browser tests change
      fali: [], // a translator opens no record
      newstaff: [], // staff and a family member who set up security codes in the browser tests
      newstaff2: [],
      optin: [],
    });
    // Only the staff who answer have a (reserved, undeliverable) address for notifications.
    const emails = await db().user.findMany({ where: { username: { in: demo.map((a) => a.username) } }, select: { username: true, email: true } });
    expect(Object.fromEntries(emails.filter((u) => u.email).map((u) => [u.username, u.email]))).toEqual({
      jpatel: "jpatel@example.org",
      mmanager: "mmensah@example.org",
    });
  });
});
