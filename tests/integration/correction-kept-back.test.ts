import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { askForCorrection, decideRequest, findRequest, requestForm } from "../../lib/rectification/index.ts";
import { databaseKinds } from "../helpers/db.ts";
import { useVisibilityFixture } from "../helpers/visibility-suite.ts";

// A refused correction whose entry is kept back from the requester afterwards: the request page
// learns that part of it is not shown to them now (never which), and names no entry it cannot show,
// so it does not invite a statement they have no form for. Staff still see every entry.
describe.each(databaseKinds())("a refused correction whose entry was kept back, on %s", (kind) => {
  const clock = fixedClock(new Date("2026-11-25T10:00:00Z"));
  const { store, prisma, fx, actor, entry } = useVisibilityFixture(kind, clock);
  const ref = (who: Parameters<typeof actor>[0], requestId: string) => ({ db: prisma(), clock, actor: actor(who), childId: fx().A.id, requestId });
  const detail = (who: Parameters<typeof actor>[0], requestId: string) => findRequest({ ...ref(who, requestId), now: clock.now() });
  const refuse = async (entries: string[]) => {
    const { id } = await askForCorrection({
      db: prisma(), clock, actor: actor("child"), locale: "en", files: [], store,
      form: requestForm.parse({ childId: fx().A.id, submissionKey: randomUUID(), items: entries.map(entry), whatIsWrong: "That is not what I said." }),
    });
    await decideRequest({ ...ref("caseworker", id), version: (await detail("caseworker", id)).version, outcome: "not_corrected", reason: "It is what the worker heard.", fixes: [] });
    return id;
  };
  const keepBack = (label: string) => prisma().entry.update({ where: { id: entry(label) }, data: { withChild: false } });

  it("says the whole of it is not shown now, and names nothing", async () => {
    const id = await refuse(["E-CHILD"]);
    expect(await detail("child", id)).toMatchObject({ entriesHidden: false, items: [{ entryId: entry("E-CHILD") }] });
    await keepBack("E-CHILD");
    const seen = await detail("child", id);
    expect(seen).toMatchObject({ outcome: "not_corrected", entriesHidden: true, items: [], entryTitles: [] });
    expect(await detail("caseworker", id)).toMatchObject({ entriesHidden: false, items: [{ entryId: entry("E-CHILD") }] });
  });

  it("says another part is not shown now when only some of it was kept back", async () => {
    const id = await refuse(["CS", "UR"]);
    await keepBack("UR");
    const seen = await detail("child", id);
    expect(seen.entriesHidden).toBe(true);
    expect(seen.items.map((i) => i.entryId)).toEqual([entry("CS")]);
  });
});
