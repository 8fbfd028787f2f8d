import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { fixedClock, HOUR } from "../../lib/clock.ts";
import {
  allocateCaseworker,
  createAccount,
  disableAccount,
  enableAccount,
  endAdvocateRegistration,
  findAllocations,
  issueSetupCode,
  listAccounts,
  redeemSetupCode,
  registerAdvocate,
  unallocateCaseworker,
} from "../../lib/accounts/index.ts";
import { findChildrenForActor } from "../../lib/access/policy.ts";
import { signIn } from "../../lib/auth/sign-in.ts";
import { startSession } from "../../lib/auth/sessions.ts";
import { listImportRuns } from "../../lib/imports/index.ts";
import { uploadImport } from "../../lib/admin/upload-import.ts";
import { Forbidden, Invalid, NotFound } from "../../lib/errors/index.ts";
import { makeExtract } from "../helpers/import-extract.ts";
import { addChild, addPerson, makeAccount, uniq } from "../helpers/account-fixtures.ts";

// The administrator's workspace (lib/admin and the lib/accounts, lib/imports functions it calls).
describe.each(databaseKinds())("admin workspace on %s", (kind) => {
  let test: TestDb;
  const clock = fixedClock("2026-06-01T09:00:00Z");
  const db = () => test.prisma;
  const NEW_PASSWORD = "willow lantern harbour";

  beforeAll(async () => {
    test = await createTestDb(kind);
  });
  afterAll(async () => {
    await test?.drop();
  });

  const admin = () => makeAccount(db(), clock, { role: "admin" });
  const redeem = (username: string, code: string, opts: { password?: string; client?: string } = {}) =>
    redeemSetupCode({ db: db(), clock, username, code, newPassword: opts.password ?? NEW_PASSWORD, client: opts.client ?? "192.0.2.10" });

  it("creates a parent account linked to a person chosen in a child's record, with a set-up code instead of a password", async () => {
    const { actor } = await admin();
    const child = await addChild(db());
    const person = await addPerson(db(), [{ childId: child.id, relationship: "mother" }]);
    const username = uniq("mum");
    const made = await createAccount({ db: db(), clock, actor, username, role: "parent", personId: person.id });
    expect(made.grantCount).toBe(1);
    expect(made.setupCode?.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(made.setupCode?.expiresAt.getTime()).toBe(clock.now().getTime() + 72 * HOUR);
    // Only the hash is kept, and the audit holds ids only.
    const stored = await db().accountSetupCode.findMany({ where: { userId: made.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.codeHash).not.toContain(made.setupCode!.code.replace(/-/g, ""));
    const audit = JSON.stringify(await db().auditEvent.findMany({ where: { subjectId: made.id }, select: { action: true, detail: true } }));
    expect(audit).toContain("account.setup-code.issue");
    expect(audit).not.toContain(made.setupCode!.code);
    expect(audit).not.toContain(username);
    // Nobody knows its password until the code is used.
    expect((await signIn({ db: db(), clock, username, password: made.setupCode!.code })).ok).toBe(false);
    const result = await redeem(username, made.setupCode!.code.toLowerCase());
    expect(result.ok).toBe(true);
    const signedIn = await signIn({ db: db(), clock, username, password: NEW_PASSWORD });
    expect(signedIn.ok).toBe(true);
    const children = await findChildrenForActor({ db: db(), actor: { userId: made.id, role: "parent", displayName: made.displayName } });
    expect(children.map((c) => c.id)).toEqual([child.id]);
  });

  it("links a child account by the record's id, and refuses a person in the wrong role or a second account for a child", async () => {
    const { actor } = await admin();
    const child = await addChild(db());
    const made = await createAccount({ db: db(), clock, actor, username: uniq("kid"), role: "child", childId: child.id });
    expect((await db().user.findUniqueOrThrow({ where: { id: made.id } })).childId).toBe(child.id);
    await expect(createAccount({ db: db(), clock, actor, username: uniq("kid"), role: "child", childId: child.id })).rejects.toThrow(/already has an account/);
    const advocatePerson = await addPerson(db(), [{ childId: child.id, relationship: "advocate" }]);
    const username = uniq("p");
    await expect(createAccount({ db: db(), clock, actor, username, role: "parent", personId: advocatePerson.id })).rejects.toBeInstanceOf(Invalid);
    expect(await db().user.count({ where: { username } })).toBe(0);
  });

  it("a set-up code works once; an expired or superseded one does not; a password breaking the rule leaves it unused", async () => {
    const { actor } = await admin();
    const made = await createAccount({ db: db(), clock, actor, username: uniq("w"), role: "caseworker", team: "East" });
    const first = made.setupCode!.code;
    const second = await issueSetupCode({ db: db(), clock, actor, userId: made.id });
    expect(await redeem(made.username, first, { client: "192.0.2.21" })).toEqual({ ok: false, reason: "invalid" }); // superseded
    await expect(redeem(made.username, second.code, { password: "short", client: "192.0.2.21" })).rejects.toBeInstanceOf(Invalid);
    await expect(redeem(made.username, second.code, { password: `${made.username} is long`, client: "192.0.2.21" })).rejects.toBeInstanceOf(Invalid);
    // Signed in elsewhere: using the code ends that session.
    const session = await db().$transaction((tx) => startSession(tx, { userId: made.id, clock }));
    const used = await redeem(made.username, second.code, { client: "192.0.2.21" });
    expect(used).toMatchObject({ ok: true, sessionsEnded: 1 });
    expect((await db().session.findFirstOrThrow({ where: { userId: made.id } })).revokedAt).not.toBeNull();
    expect(session.id).toBeTruthy();
    expect(await redeem(made.username, second.code, { password: "another long passphrase", client: "192.0.2.21" })).toEqual({ ok: false, reason: "invalid" }); // used
    const third = await issueSetupCode({ db: db(), clock, actor, userId: made.id });
    const later = fixedClock(new Date(clock.now().getTime() + 72 * HOUR + 1000));
    expect(await redeemSetupCode({ db: db(), clock: later, username: made.username, code: third.code, newPassword: "yet another passphrase", client: "192.0.2.22" })).toEqual({ ok: false, reason: "invalid" });
    expect(await db().auditEvent.count({ where: { action: "account.setup-code.use", subjectId: made.id } })).toBe(1);
  });

  it("wrong codes are throttled like sign-in: after the free tries even the right code waits", async () => {
    const { actor } = await admin();
    const made = await createAccount({ db: db(), clock, actor, username: uniq("f"), role: "carer", personId: (await addPerson(db(), [{ childId: (await addChild(db())).id, relationship: "carer" }])).id });
    const client = "198.51.100.7";
    for (let i = 0; i < 6; i++) expect(await redeem(made.username, "AAAA-AAAA-AAAA", { client })).toEqual({ ok: false, reason: "invalid" });
    const right = await redeem(made.username, made.setupCode!.code, { client });
    expect(right).toMatchObject({ ok: false, reason: "throttled" });
    expect((await db().accountSetupCode.findFirstOrThrow({ where: { userId: made.id } })).usedAt).toBeNull();
    clock.advance(HOUR);
    expect((await redeem(made.username, made.setupCode!.code, { client })).ok).toBe(true);
  });

  it("disables (ending sessions) and enables again, audited; refuses non-admins and disabling oneself", async () => {
    const me = await admin();
    const worker = await makeAccount(db(), clock, { role: "caseworker", team: "North" });
    await db().$transaction((tx) => startSession(tx, { userId: worker.actor.userId, clock }));
    await expect(disableAccount({ db: db(), clock, actor: worker.actor, userId: me.actor.userId })).rejects.toBeInstanceOf(Forbidden);
    await expect(disableAccount({ db: db(), clock, actor: me.actor, userId: me.actor.userId })).rejects.toBeInstanceOf(Invalid);
    expect(await disableAccount({ db: db(), clock, actor: me.actor, userId: worker.actor.userId })).toMatchObject({ changed: true, sessionsEnded: 1 });
    expect((await signIn({ db: db(), clock, username: worker.username, password: worker.password })).ok).toBe(false);
    await expect(enableAccount({ db: db(), clock, actor: worker.actor, userId: worker.actor.userId })).rejects.toBeInstanceOf(Forbidden);
    expect(await enableAccount({ db: db(), clock, actor: me.actor, userId: worker.actor.userId })).toMatchObject({ changed: true });
    expect(await enableAccount({ db: db(), clock, actor: me.actor, userId: worker.actor.userId })).toMatchObject({ changed: false });
    expect((await signIn({ db: db(), clock, username: worker.username, password: worker.password, client: "192.0.2.99" })).ok).toBe(true);
    const actions = (await db().auditEvent.findMany({ where: { subjectId: worker.actor.userId }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["account.disable", "account.enable"]));
    await expect(listAccounts({ db: db(), actor: worker.actor, page: 1 })).rejects.toBeInstanceOf(Forbidden);
    const found = await listAccounts({ db: db(), actor: me.actor, role: "caseworker", search: worker.username.toUpperCase(), page: 1 });
    expect(found.accounts.map((a) => a.id)).toEqual([worker.actor.userId]);
  });

  it("unallocates by revoking the grant (kept, with who and when); the caseworker loses the child", async () => {
    const me = await admin();
    const team = uniq("T");
    const worker = await makeAccount(db(), clock, { role: "caseworker", team });
    const child = await addChild(db());
    await allocateCaseworker({ db: db(), clock, actor: me.actor, userId: worker.actor.userId, childId: child.id });
    expect((await findChildrenForActor({ db: db(), actor: worker.actor })).map((c) => c.id)).toEqual([child.id]);
    const { grantId } = await unallocateCaseworker({ db: db(), clock, actor: me.actor, userId: worker.actor.userId, childId: child.id });
    const grant = await db().grant.findUniqueOrThrow({ where: { id: grantId } });
    expect(grant.revokedAt).not.toBeNull();
    expect(grant.revokedById).toBe(me.actor.userId);
    expect(await findChildrenForActor({ db: db(), actor: worker.actor })).toEqual([]);
    await expect(unallocateCaseworker({ db: db(), clock, actor: me.actor, userId: worker.actor.userId, childId: child.id })).rejects.toBeInstanceOf(NotFound);
    expect(await db().auditEvent.count({ where: { action: "access.revoke", subjectId: grantId } })).toBe(1);
  });

  it("a manager allocates only their own team's caseworkers to their own team's children; another team's manager gets not found", async () => {
    const team = uniq("Team");
    const other = uniq("Team");
    const manager = await makeAccount(db(), clock, { role: "manager", team });
    const stranger = await makeAccount(db(), clock, { role: "manager", team: other });
    const [w1, w2] = [await makeAccount(db(), clock, { role: "caseworker", team }), await makeAccount(db(), clock, { role: "caseworker", team })];
    const outsider = await makeAccount(db(), clock, { role: "caseworker", team: other });
    const child = await addChild(db());
    const unrelated = await addChild(db());
    await allocateCaseworker({ db: db(), clock, actor: (await admin()).actor, userId: w1.actor.userId, childId: child.id });
    const asManager = (actor: typeof manager.actor, userId: string, childId: string) => ({ db: db(), clock, actor, userId, childId });

    expect((await allocateCaseworker(asManager(manager.actor, w2.actor.userId, child.id))).created).toBe(true);
    await expect(allocateCaseworker(asManager(manager.actor, outsider.actor.userId, child.id))).rejects.toBeInstanceOf(NotFound);
    await expect(allocateCaseworker(asManager(manager.actor, w2.actor.userId, unrelated.id))).rejects.toBeInstanceOf(NotFound);
    await expect(allocateCaseworker(asManager(stranger.actor, outsider.actor.userId, child.id))).rejects.toBeInstanceOf(NotFound);
    await expect(unallocateCaseworker(asManager(stranger.actor, w1.actor.userId, child.id))).rejects.toBeInstanceOf(NotFound);
    await expect(allocateCaseworker(asManager(w1.actor, w2.actor.userId, child.id))).rejects.toBeInstanceOf(Forbidden);
    expect((await findAllocations({ db: db(), actor: stranger.actor, page: 1 })).rows).toEqual([]);

    await unallocateCaseworker(asManager(manager.actor, w1.actor.userId, child.id));
    await expect(unallocateCaseworker(asManager(manager.actor, w2.actor.userId, child.id))).rejects.toBeInstanceOf(Invalid); // the last of the team
    const board = await findAllocations({ db: db(), actor: manager.actor, page: 1 });
    expect(board.rows.map((r) => [r.childId, r.caseworkers.map((c) => c.id)])).toEqual([[child.id, [w2.actor.userId]]]);
    expect(board.caseworkers.map((c) => c.id).sort()).toEqual([w1.actor.userId, w2.actor.userId].sort());
    expect(await db().grant.count({ where: { childId: child.id, kind: "allocation" } })).toBe(2); // nothing deleted
  });

  it("registers an advocate and ends the registration, kept", async () => {
    const me = await admin();
    const advocate = await makeAccount(db(), clock, { role: "advocate" });
    await registerAdvocate({ db: db(), clock, actor: me.actor, userId: advocate.actor.userId, organisation: "Voices" });
    expect(await endAdvocateRegistration({ db: db(), clock, actor: me.actor, userId: advocate.actor.userId })).toMatchObject({ changed: true });
    const row = await db().advocateRegistration.findUniqueOrThrow({ where: { userId: advocate.actor.userId } });
    expect(row.endedAt).not.toBeNull();
    await expect(endAdvocateRegistration({ db: db(), clock, actor: advocate.actor, userId: advocate.actor.userId })).rejects.toBeInstanceOf(Forbidden);
  });

  it("an upload with problems lists them by JSON path and writes nothing; then a good one writes and is in the history", async () => {
    const { actor } = await admin();
    const tag = uniq("x");
    const good = makeExtract({ children: 1, perChild: 3, tag });
    const bad = structuredClone(good) as unknown as { children: { entries: Record<string, unknown>[] }[] };
    bad.children[0]!.entries[1]!.title = 42;
    delete bad.children[0]!.entries[2]!.sharing;
    const file = (doc: unknown) => new File([JSON.stringify(doc)], "extract.json", { type: "application/json" });
    const runsBefore = await db().importRun.count();

    const refused = await uploadImport({ db: db(), clock, actor, file: file(bad) });
    expect(refused.ok).toBe(false);
    const paths = refused.ok ? [] : refused.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["children[0].entries[1].title", "children[0].entries[2].sharing"]));
    expect(await db().child.count({ where: { externalId: `C-${tag}-0` } })).toBe(0);
    expect(await db().importRun.count()).toBe(runsBefore);
    expect(await uploadImport({ db: db(), clock, actor, file: null })).toMatchObject({ ok: false });

    const applied = await uploadImport({ db: db(), clock, actor, file: file(good) });
    expect(applied).toMatchObject({ ok: true, summary: { children: { created: 1 }, entries: { created: 3 } } });
    const history = await listImportRuns({ db: db(), page: 1 });
    expect(history.runs[0]).toMatchObject({ fileName: "extract.json", counts: { entries: { created: 3, updated: 0, unchanged: 0 } } });
  });
});
