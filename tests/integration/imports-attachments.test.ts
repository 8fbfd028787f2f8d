import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SystemActor } from "../../lib/access/actor.ts";
import { fixedClock } from "../../lib/clock.ts";
import { importRecords } from "../../lib/imports/apply.ts";
import { MAX_ATTACHMENT_BYTES } from "../../lib/imports/attachment-bytes.ts";
import { readStoredFile, testFileStore } from "../helpers/files.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";

// A real 10 MB attachment goes through the whole import, on each database.

const actor: SystemActor = { userId: null, role: "system", displayName: "import test" };
const clock = fixedClock("2026-11-02T10:00:00Z");

function extract(tag: string, contentBase64: string) {
  return JSON.stringify({
    format: "case-record-import",
    version: 1,
    exportedAt: "2026-11-01T09:00:00+00:00",
    source: "LCS",
    children: [
      {
        externalId: `C-${tag}`,
        fullName: "Test Child",
        dateOfBirth: "2013-04-02",
        entries: [
          {
            externalId: "E-1",
            type: "report",
            title: "Health report",
            occurredAt: "2026-10-03T15:00:00+01:00",
            recordedAt: "2026-10-06T10:00:00+01:00",
            author: { name: "J. Patel", role: "Social worker" },
            sections: [{ text: "The report is attached.", nature: "fact", source: "first-hand" }],
            status: "current",
            sharing: { withChild: true, withFamily: true },
            attachments: [{ externalId: "A-1", fileName: "report.pdf", mediaType: "application/pdf", contentBase64 }],
          },
        ],
      },
    ],
  });
}

describe.each(databaseKinds())("large attachments on %s", (kind) => {
  let db: TestDb;

  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("imports a 10 MB attachment and keeps every byte", async () => {
    const tag = randomBytes(4).toString("hex");
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(MAX_ATTACHMENT_BYTES - 9)]);
    const result = await importRecords({ db: db.prisma, files: testFileStore, clock, actor, raw: Buffer.from(extract(tag, pdf.toString("base64"))) });
    expect(result).toMatchObject({ ok: true, summary: { entries: { created: 1, updated: 0, unchanged: 0 } } });

    const attachment = await db.prisma.attachment.findFirstOrThrow({ where: { entry: { child: { externalId: `C-${tag}` } } }, include: { file: true } });
    expect(attachment).toMatchObject({ fileName: "report.pdf", mediaType: "application/pdf", file: { size: MAX_ATTACHMENT_BYTES } });
    expect((await readStoredFile(db.prisma, attachment.file.storageKey)).equals(pdf)).toBe(true);
  });
});
