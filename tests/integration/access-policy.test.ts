import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { fixedClock } from "../../lib/clock.ts";
import type { Actor } from "../../lib/access/actor.ts";
import { childWhereForActor, findChildrenForActor } from "../../lib/access/policy.ts";
import { grantAccess, revokeGrant } from "../../lib/access/grants.ts";
import { allocateCaseworker } from "../../lib/accounts/allocate-caseworker.ts";
import { disableAccount } from "../../lib/accounts/disable-account.ts";
import { Invalid, NotFound } from "../../lib/errors/index.ts";
import { addChild, addPerson, makeAccount, SYSTEM, uniq, type MadeAccount } from "../helpers/account-fixtures.ts";

describe.each(databaseKinds())("access policy on %s", (kind) => {
  let test: TestDb;
  const clock = fixedClock("2026-05-01T09:00:00Z");
  const db = () => test.prisma;

  // Two teams, four children. Team North: caseworker nw1 (amira, bilal), nw2 (chen).
  // Team South: caseworker sw (dara). Families and an advocate hang off the records.
  type Kid = Awaited<ReturnType<typeof addChild>>;
  let amira: Kid, bilal: Kid, chen: Kid, dara: Kid;
  let amiraAccount: MadeAccount, daraAccount: MadeAccount;
  let mother: MadeAccount, fosterCarer: MadeAccount, advocate: MadeAccount;
  let nw1: MadeAccount, nw2: MadeAccount, sw: MadeAccount, northManager: MadeAccount, southManager: MadeAccount;
  let admin: MadeAccount;
  let north: string, south: string;

  const ids = async (actor: Actor) => (await findChildrenForActor({ db: db(), actor })).map((c) => c.id).sort();
  const sorted = (...kids: Kid[]) => kids.map((k) => k.id).sort();
  const allocate = (who: MadeAccount, kid: Kid) =>
    allocateCaseworker({ db: db(), clock, actor: SYSTEM, username: who.username, childExternalId: kid.externalId });

  beforeAll(async () => {
    test = await createTestDb(kind);
    [amira, bilal, chen, dara] = [await addChild(db()), await addChild(db()), await addChild(db()), await addChild(db())];
    // Amira and Bilal are siblings with the same mother.
    const motherPerson = await addPerson(db(), [
      { childId: amira.id, relationship: "mother" },
      { childId: bilal.id, relationship: "mother" },
    ]);
    const carerPerson = await addPerson(db(), [{ childId: chen.id, relationship: "foster_carer" }]);
    const advocatePerson = await addPerson(db(), [{ childId: dara.id, relationship: "advocate" }]);
    amiraAccount = await makeAccount(db(), clock, { role: "child", child: amira.externalId });
    daraAccount = await makeAccount(db(), clock, { role: "child", child: dara.externalId });
    mother = await makeAccount(db(), clock, { role: "parent", person: motherPerson.externalId });
    fosterCarer = await makeAccount(db(), clock, { role: "carer", person: carerPerson.externalId });
    advocate = await makeAccount(db(), clock, { role: "advocate", person: advocatePerson.externalId });
    north = uniq("North");
    south = uniq("South");
    nw1 = await makeAccount(db(), clock, { role: "caseworker", team: north });
    nw2 = await makeAccount(db(), clock, { role: "caseworker", team: north });
    sw = await makeAccount(db(), clock, { role: "caseworker", team: south });
    northManager = await makeAccount(db(), clock, { role: "manager", team: north });
    southManager = await makeAccount(db(), clock, { role: "manager", team: south });
    admin = await makeAccount(db(), clock, { role: "admin" });
    await allocate(nw1, amira);
    await allocate(nw1, bilal);
    await allocate(nw2, chen);
    await allocate(sw, dara);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("a child sees only their own record", async () => {
    expect(await ids(amiraAccount.actor)).toEqual(sorted(amira));
    expect(await ids(daraAccount.actor)).toEqual(sorted(dara));
  });

  it("a parent sees the children their person is linked to, and no others", async () => {
    expect(await ids(mother.actor)).toEqual(sorted(amira, bilal));
  });

  it("a carer sees the child they care for", async () => {
    expect(await ids(fosterCarer.actor)).toEqual(sorted(chen));
  });

  it("an advocate sees the child who chose them", async () => {
    expect(await ids(advocate.actor)).toEqual(sorted(dara));
  });

  it("a caseworker sees only the children allocated to them", async () => {
    expect(await ids(nw1.actor)).toEqual(sorted(amira, bilal));
    expect(await ids(nw2.actor)).toEqual(sorted(chen));
    expect(await ids(sw.actor)).toEqual(sorted(dara));
  });

  it("a manager sees their team's caseworkers' children and not another team's", async () => {
    expect(await ids(northManager.actor)).toEqual(sorted(amira, bilal, chen));
    expect(await ids(southManager.actor)).toEqual(sorted(dara));
  });

  it("an admin sees no record at all and cannot be given access", async () => {
    expect(await ids(admin.actor)).toEqual([]);
    expect(await db().child.count({ where: childWhereForActor(admin.actor) })).toBe(0);
    await expect(
      db().$transaction((tx) => grantAccess(tx, { kind: "allocation", childId: amira.id, userId: admin.actor.userId, grantedBy: SYSTEM, clock })),
    ).rejects.toBeInstanceOf(Invalid);
    expect(await ids(admin.actor)).toEqual([]);
  });

  it("the where-clause composes into other queries and never widens them", async () => {
    const where = { AND: [{ id: dara.id }, childWhereForActor(mother.actor)] };
    expect(await db().child.findMany({ where })).toEqual([]);
    expect(await db().child.count({ where: { AND: [{ id: amira.id }, childWhereForActor(mother.actor)] } })).toBe(1);
  });

  it("fails closed for an actor with no id or an unknown id", async () => {
    for (const role of ["child", "parent", "carer", "advocate", "caseworker", "manager", "admin"] as const) {
      expect(await ids({ userId: "", role, displayName: "x" })).toEqual([]);
      expect(await ids({ userId: "00000000-0000-0000-0000-000000000000", role, displayName: "x" })).toEqual([]);
    }
  });

  it("a role claimed in the actor cannot borrow another role's grants", async () => {
    // nw1 holds allocation grants; claiming to be a parent or child must not turn them into access.
    expect(await ids({ ...nw1.actor, role: "parent" })).toEqual([]);
    expect(await ids({ ...nw1.actor, role: "child" })).toEqual([]);
    // A caseworker claiming to be a manager sees only their own allocations (they manage no team).
    expect(await ids({ ...nw1.actor, role: "manager" })).toEqual(sorted(amira, bilal));
  });

  it("an advocate sees the child only while the grant lasts", async () => {
    const kid = await addChild(db());
    const person = await addPerson(db(), [{ childId: kid.id, relationship: "advocate" }]);
    const kidAccount = await makeAccount(db(), clock, { role: "child", child: kid.externalId });
    const helper = await makeAccount(db(), clock, { role: "advocate", person: person.externalId });
    expect(await ids(helper.actor)).toEqual(sorted(kid));
    const grant = await db().grant.findFirstOrThrow({ where: { userId: helper.actor.userId, revokedAt: null } });
    // Another child cannot end it, nor can a caseworker: they get NotFound, as if no such grant.
    await expect(revokeGrant({ db: db(), grantId: grant.id, actor: amiraAccount.actor, clock, reason: "x" })).rejects.toBeInstanceOf(NotFound);
    await expect(revokeGrant({ db: db(), grantId: grant.id, actor: sw.actor, clock, reason: "x" })).rejects.toBeInstanceOf(NotFound);
    expect(await ids(helper.actor)).toEqual(sorted(kid));
    const revoked = await revokeGrant({ db: db(), grantId: grant.id, actor: kidAccount.actor, clock, reason: "child-ended-advocacy" });
    expect(revoked.revokedAt).not.toBeNull();
    expect(revoked.revokedById).toBe(kidAccount.actor.userId);
    expect(await ids(helper.actor)).toEqual([]);
    // The grant row stays, for the history.
    expect(await db().grant.count({ where: { id: grant.id } })).toBe(1);
    // Choosing them again brings the record back.
    await db().$transaction((tx) => grantAccess(tx, { kind: "advocate", childId: kid.id, userId: helper.actor.userId, grantedBy: kidAccount.actor, clock }));
    expect(await ids(helper.actor)).toEqual(sorted(kid));
  });

  it("a parent loses the record when the record no longer names their person", async () => {
    const kid = await addChild(db());
    const person = await addPerson(db(), [{ childId: kid.id, relationship: "father" }]);
    const father = await makeAccount(db(), clock, { role: "parent", person: person.externalId });
    expect(await ids(father.actor)).toEqual(sorted(kid));
    await db().childPerson.delete({ where: { childId_personId: { childId: kid.id, personId: person.id } } });
    expect(await ids(father.actor)).toEqual([]);
  });

  it("a manager sees a child only while a caseworker of their team is allocated", async () => {
    const kid = await addChild(db());
    const team = uniq("East");
    const worker = await makeAccount(db(), clock, { role: "caseworker", team });
    const manager = await makeAccount(db(), clock, { role: "manager", team });
    expect(await ids(manager.actor)).toEqual([]);
    await allocate(worker, kid);
    expect(await ids(manager.actor)).toEqual(sorted(kid));
    // Moving the caseworker to another team moves the child with them.
    await db().user.update({ where: { id: worker.actor.userId }, data: { team: { connect: { name: south } } } });
    expect(await ids(manager.actor)).toEqual([]);
    expect(await ids(southManager.actor)).toContain(kid.id);
  });

  it("another team's manager cannot end an allocation", async () => {
    const grant = await db().grant.findFirstOrThrow({ where: { userId: nw1.actor.userId, childId: amira.id } });
    await expect(revokeGrant({ db: db(), grantId: grant.id, actor: southManager.actor, clock, reason: "x" })).rejects.toBeInstanceOf(NotFound);
    expect(await ids(nw1.actor)).toContain(amira.id);
  });

  it("a disabled account sees nothing, and a disabled manager no team children", async () => {
    const team = uniq("West");
    const kid = await addChild(db());
    const worker = await makeAccount(db(), clock, { role: "caseworker", team });
    const manager = await makeAccount(db(), clock, { role: "manager", team });
    await allocate(worker, kid);
    expect(await ids(manager.actor)).toEqual(sorted(kid));
    await disableAccount({ db: db(), clock, actor: SYSTEM, username: manager.username });
    expect(await ids(manager.actor)).toEqual([]);
    await disableAccount({ db: db(), clock, actor: SYSTEM, username: worker.username });
    expect(await ids(worker.actor)).toEqual([]);
  });

  describe("grantAccess", () => {
    const grant = (kind: "subject" | "family" | "advocate" | "allocation", childId: string, userId: string) =>
      db().$transaction((tx) => grantAccess(tx, { kind, childId, userId, grantedBy: SYSTEM, clock }));

    it("refuses a kind the holder's role cannot hold", async () => {
      await expect(grant("allocation", dara.id, mother.actor.userId)).rejects.toBeInstanceOf(Invalid);
      await expect(grant("family", dara.id, nw1.actor.userId)).rejects.toBeInstanceOf(Invalid);
      await expect(grant("subject", dara.id, advocate.actor.userId)).rejects.toBeInstanceOf(Invalid);
      expect(await ids(mother.actor)).not.toContain(dara.id);
      expect(await ids(nw1.actor)).not.toContain(dara.id);
    });

    it("refuses a subject grant on another child's record", async () => {
      await expect(grant("subject", dara.id, amiraAccount.actor.userId)).rejects.toBeInstanceOf(Invalid);
      expect(await ids(amiraAccount.actor)).toEqual(sorted(amira));
    });

    it("refuses a family grant on a record that does not name the person", async () => {
      await expect(grant("family", dara.id, mother.actor.userId)).rejects.toBeInstanceOf(Invalid);
      expect(await ids(mother.actor)).toEqual(sorted(amira, bilal));
    });

    it("refuses an unknown holder", async () => {
      await expect(grant("allocation", dara.id, "00000000-0000-0000-0000-000000000000")).rejects.toBeInstanceOf(NotFound);
    });

    it("is idempotent for an active grant", async () => {
      const first = await grant("allocation", dara.id, nw2.actor.userId);
      const second = await grant("allocation", dara.id, nw2.actor.userId);
      expect(second.id).toBe(first.id);
      expect(await db().grant.count({ where: { userId: nw2.actor.userId, childId: dara.id, revokedAt: null } })).toBe(1);
      await revokeGrant({ db: db(), grantId: first.id, actor: admin.actor, clock, reason: "test" });
    });
  });
});
