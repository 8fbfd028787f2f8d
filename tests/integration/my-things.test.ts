import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { addToRecord, findSentThings, recordOriginal, saveContribution } from "../../lib/contributions/index.ts";
import { contributionForm } from "../../lib/contributions/form.ts";
import { findThings } from "../../lib/records/index.ts";
import { checkUpload } from "../../lib/uploads/index.ts";
import { databaseKinds } from "../helpers/db.ts";
import { useVisibilityFixture } from "../helpers/visibility-suite.ts";
import { pdf } from "../helpers/upload-files.ts";

// "My things" keeps every copy a child sent, whatever the kind, after a worker adds it to the
// record too: with where it now sits in the record (linked only for those who may read the entry)
// and where the original is.
describe.each(databaseKinds())("My things after 'Add to the record' on %s", (kind) => {
  const clock = fixedClock(new Date("2026-12-01T10:00:00Z"));
  const { store, prisma, fx, actor } = useVisibilityFixture(kind, clock);
  type Who = Parameters<typeof actor>[0];
  const files = async () => [
    await checkUpload({ name: "me.png", bytes: await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3366cc" } }).png().toBuffer() }),
    await checkUpload({ name: "certificate.pdf", bytes: pdf() }),
  ];
  const send = async (over: Record<string, unknown>) => {
    const form = contributionForm.parse({ childId: fx().A.id, submissionKey: randomUUID(), kind: "wish", body: "I wish I could go to swimming club.", intent: "send", ...over });
    return saveContribution({ db: prisma(), clock, actor: actor("child"), form, locale: "en", files: await files(), store });
  };
  const sent = (who: Who) => findSentThings({ db: prisma(), actor: actor(who), childId: fx().A.id });

  it("a wish with a photo and a certificate stays on My things once added, linked to its entry", async () => {
    const saved = await send({ shareWithFamily: "on" });
    const ref = { db: prisma(), clock, childId: fx().A.id, contributionId: saved.id };
    const before = (await sent("child")).find((s) => s.contributionId === saved.id);
    expect(before?.inRecord).toBeNull();
    const entryId = await addToRecord({ ...ref, actor: actor("caseworker"), withFamily: false });
    await recordOriginal({ ...ref, actor: actor("caseworker"), whereabouts: "held_by_council", place: "Town hall" });

    const mine = (await sent("child")).find((s) => s.contributionId === saved.id);
    expect(mine?.files.map((f) => f.fileName)).toEqual(["me.png", "certificate.pdf"]);
    expect(mine).toMatchObject({ inRecord: { entryId }, originalWhereabouts: "held_by_council", originalPlace: "Town hall" });
    // The mother was shown the message but may not read the entry (not shared with family): no link.
    const hers = (await sent("mother")).find((s) => s.contributionId === saved.id);
    expect(hers?.inRecord).toEqual({ entryId: null });
    // Staff see it too, linked.
    expect((await sent("caseworker")).find((s) => s.contributionId === saved.id)?.inRecord).toEqual({ entryId });
  });

  it("something I'm proud of is listed once: as the child's own thing in the record", async () => {
    const saved = await send({ kind: "proud", body: "My swimming certificate" });
    const entryId = await addToRecord({ db: prisma(), clock, childId: fx().A.id, contributionId: saved.id, actor: actor("caseworker"), withFamily: false });
    expect((await sent("child")).map((s) => s.contributionId)).not.toContain(saved.id);
    const things = await findThings({ db: prisma(), actor: actor("child"), childId: fx().A.id, locale: "en" });
    expect(things.find((t) => t.entryId === entryId)?.files.map((f) => f.fileName).sort()).toEqual(["certificate.pdf", "me.png"]);
  });

  it("nobody outside the contribution's readers sees it", async () => {
    for (const who of ["otherChild", "otherCaseworker", "admin"] as const) {
      expect((await sent(who)).length, who).toBe(0);
    }
  });
});
