import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childWhereForActor, type Actor } from "../../lib/access/index.ts";
import { registerAdvocate } from "../../lib/accounts/index.ts";
import { fixedClock } from "../../lib/clock.ts";
import { chooseAdvocate, endAdvocate, findAdvocacy } from "../../lib/consent/index.ts";
import { Forbidden, Invalid, NotFound } from "../../lib/errors/index.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { makeAccount, SYSTEM, type MadeAccount } from "../helpers/account-fixtures.ts";
import { testFileStore } from "../helpers/files.ts";
import { seedVisibilityFixture, type VisibilityFixture } from "../helpers/record-fixtures.ts";

type Who = keyof VisibilityFixture["accounts"];

// "My advocate" on both databases: the council registers advocates; the child chooses one and
// ends their access at any moment (it bites on the advocate's next request) or on a chosen day;
// a caseworker can appoint one and the child sees who did; parents can do neither.
describe.each(databaseKinds())("advocates on %s", (kind) => {
  let db: TestDb;
  let fx: VisibilityFixture;
  let leah: MadeAccount;
  let sam: MadeAccount;
  const clock = fixedClock(new Date("2026-12-02T10:00:00Z"));
  beforeAll(async () => {
    db = await createTestDb(kind);
    fx = await seedVisibilityFixture(db.prisma, testFileStore, clock);
    leah = await makeAccount(db.prisma, clock, { role: "advocate" });
    sam = await makeAccount(db.prisma, clock, { role: "advocate" });
    for (const a of [leah, sam]) await registerAdvocate({ db: db.prisma, clock, actor: SYSTEM, username: a.username, organisation: "Voices North" });
  });
  afterAll(async () => db?.drop());

  const actor = (who: Who) => fx.accounts[who].actor;
  const choose = (by: Actor, advocate: MadeAccount, endsOn?: string, childId = fx.A.id) =>
    chooseAdvocate({ db: db.prisma, clock, actor: by, choice: { childId, advocateId: advocate.actor.userId, endsOn } });
  const view = (by: Actor, now = new Date()) => findAdvocacy({ db: db.prisma, actor: by, childId: fx.A.id, now });
  const end = (by: Actor, grantId: string) => endAdvocate({ db: db.prisma, clock, actor: by, childId: fx.A.id, grantId });
  const opens = (by: Actor) => db.prisma.child.count({ where: { AND: [{ id: fx.A.id }, childWhereForActor(by)] } });

  it("only an administrator registers, and only advocate accounts", async () => {
    await expect(registerAdvocate({ db: db.prisma, clock, actor: actor("caseworker"), username: leah.username, organisation: "X" })).rejects.toBeInstanceOf(Forbidden);
    await expect(registerAdvocate({ db: db.prisma, clock, actor: actor("admin"), username: fx.accounts.mother.username, organisation: "X" })).rejects.toBeInstanceOf(Invalid);
    await expect(registerAdvocate({ db: db.prisma, clock, actor: actor("admin"), username: leah.username, organisation: "  " })).rejects.toBeInstanceOf(Invalid);
    expect((await view(actor("child"))).register.map((r) => r.name).sort()).toEqual([leah.actor.displayName, sam.actor.displayName].sort());
  });

  it("the child chooses an advocate, who can open the record at once and sees only their own access", async () => {
    expect(await opens(leah.actor)).toBe(0);
    await choose(actor("child"), leah);
    expect(await opens(leah.actor)).toBe(1);
    const seen = await view(actor("child"));
    expect(seen.current.find((a) => a.name === leah.actor.displayName)).toMatchObject({ chosenBy: "child", endsOn: null, organisation: "Voices North" });
    expect(seen.register.map((r) => r.name)).not.toContain(leah.actor.displayName);
    const own = await view(leah.actor);
    expect(own.current.map((a) => a.name)).toEqual([leah.actor.displayName]);
    expect(own.register).toEqual([]);
    await expect(choose(actor("child"), leah)).rejects.toBeInstanceOf(Invalid); // already theirs
  });

  it("six choices of the same advocate at once give one grant", async () => {
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => choose(actor(i % 2 ? "child" : "caseworker"), sam)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const grants = await db.prisma.grant.findMany({ where: { kind: "advocate", childId: fx.A.id, userId: sam.actor.userId, revokedAt: null } });
    expect(grants).toHaveLength(1);
    await end(actor("child"), grants[0]!.id);
  });

  it("refuses an unregistered advocate and an end date that is not after today, storing nothing", async () => {
    const before = await db.prisma.grant.count({ where: { kind: "advocate", childId: fx.A.id } });
    await expect(choose(actor("child"), fx.accounts.advocate)).rejects.toBeInstanceOf(Invalid);
    await expect(choose(actor("child"), sam, "2026-12-02")).rejects.toBeInstanceOf(Invalid);
    expect(await db.prisma.grant.count({ where: { kind: "advocate", childId: fx.A.id } })).toBe(before);
  });

  it("parents, carers, advocates and people outside the record can neither see nor change it", async () => {
    const grantId = (await view(actor("child"))).current.find((a) => a.name === leah.actor.displayName)!.grantId;
    for (const who of ["mother", "father", "carer", "otherParent", "otherChild", "otherCaseworker", "otherManager", "admin"] as const) {
      await expect(view(actor(who)), who).rejects.toBeInstanceOf(NotFound);
      await expect(choose(actor(who), sam), who).rejects.toBeInstanceOf(NotFound);
      await expect(end(actor(who), grantId), who).rejects.toBeInstanceOf(NotFound);
    }
    await expect(choose(actor("advocate"), sam)).rejects.toBeInstanceOf(NotFound);
    await expect(end(leah.actor, grantId)).rejects.toBeInstanceOf(NotFound);
    // A child cannot choose for another child's record.
    await expect(choose(actor("child"), sam, undefined, fx.B.id)).rejects.toBeInstanceOf(NotFound);
    expect(await opens(leah.actor)).toBe(1);
  });

  it("the child ends the access; it bites on the advocate's next request; two ends at once make one change", async () => {
    const grantId = (await view(actor("child"))).current.find((a) => a.name === leah.actor.displayName)!.grantId;
    expect(await opens(leah.actor)).toBe(1);
    const results = await Promise.all([end(actor("child"), grantId), end(actor("child"), grantId)]);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await opens(leah.actor)).toBe(0);
    await expect(view(leah.actor)).rejects.toBeInstanceOf(NotFound);
    const seen = await view(actor("child"));
    expect(seen.past.find((a) => a.grantId === grantId)).toMatchObject({ endedBy: "child" });
    expect(seen.register.map((r) => r.name)).toContain(leah.actor.displayName);
    const audited = await db.prisma.auditEvent.count({ where: { action: "access.revoke", subjectId: grantId } });
    expect(audited).toBe(1);
  });

  it("a caseworker appoints one and the child sees who did; access ends by itself on its end date", async () => {
    await choose(actor("caseworker"), sam, "2027-01-15");
    const seen = await view(actor("child"));
    const appointed = seen.current.find((a) => a.name === sam.actor.displayName)!;
    expect(appointed).toMatchObject({ chosenBy: "staff", chosenByName: actor("caseworker").displayName, endsOn: "2027-01-15" });
    // On 15 January 2027 (London) the grant no longer counts, without any job having run.
    const onTheDay = new Date("2027-01-15T00:00:00Z");
    expect(await db.prisma.child.count({ where: { AND: [{ id: fx.A.id }, { grants: { some: { id: appointed.grantId, revokedAt: null, endsAt: { gt: onTheDay } } } }] } })).toBe(0);
    expect((await view(actor("child"), onTheDay)).past.find((a) => a.grantId === appointed.grantId)).toMatchObject({ endedBy: "date" });
    // A grant whose day has come stops opening the record.
    await db.prisma.grant.update({ where: { id: appointed.grantId }, data: { endsAt: new Date(Date.now() - 1000) } });
    expect(await opens(sam.actor)).toBe(0);
  });
});
