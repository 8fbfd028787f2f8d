import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeBase64, MAX_ATTACHMENT_BYTES } from "../../lib/imports/attachment-bytes.ts";
import { validateImportText } from "../../lib/imports/validate.ts";

// Attachments up to 10 MB are part of the format; their base64 is 14 million characters.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = (size: number) => Buffer.concat([PNG_SIGNATURE, randomBytes(size - PNG_SIGNATURE.length)]);
// As many exporters write it: lines of 76 characters ending in CR LF.
const wrapped = (base64: string) => base64.replace(/.{76}/g, "$&\r\n");

function docWith(contentBase64: string) {
  return JSON.stringify({
    format: "case-record-import",
    version: 1,
    exportedAt: "2026-11-01T09:00:00+00:00",
    source: "LCS",
    children: [
      {
        externalId: "C-1",
        fullName: "Test Child",
        dateOfBirth: "2013-04-02",
        entries: [
          {
            externalId: "E-1",
            type: "note",
            title: "Scan",
            occurredAt: "2026-10-03T15:00:00+01:00",
            recordedAt: "2026-10-06T10:00:00+01:00",
            author: { name: "J. Patel", role: "Social worker" },
            sections: [{ text: "Scanned.", nature: "fact", source: "first-hand" }],
            status: "current",
            sharing: { withChild: true, withFamily: true },
            attachments: [{ externalId: "A-1", fileName: "scan.png", mediaType: "image/png", contentBase64 }],
          },
        ],
      },
    ],
  });
}

describe("attachment size", () => {
  it("decodes 10 MB of base64, plain or wrapped at 76 characters", () => {
    const bytes = png(MAX_ATTACHMENT_BYTES);
    expect(decodeBase64(bytes.toString("base64"))?.equals(bytes)).toBe(true);
    expect(decodeBase64(wrapped(bytes.toString("base64")))?.equals(bytes)).toBe(true);
  });

  it("still refuses text that is not strict base64", () => {
    for (const bad of ["", "QUF", "QUFB=", "QU=B", "Q===", "QUFB QUFB", "QUFB\u00e9UFB", "QUF-"]) expect(decodeBase64(bad), bad).toBeNull();
    expect(decodeBase64("QUE=")?.toString()).toBe("AA");
    expect(decodeBase64("QQ==")?.toString()).toBe("A");
  });

  it("accepts a file with a 10 MB attachment, wrapped or not", () => {
    const base64 = png(MAX_ATTACHMENT_BYTES).toString("base64");
    expect(validateImportText(docWith(base64))).toMatchObject({ ok: true });
    expect(validateImportText(docWith(wrapped(base64)))).toMatchObject({ ok: true });
  });

  it("names the limit for an attachment one byte over 10 MB", () => {
    const result = validateImportText(docWith(png(MAX_ATTACHMENT_BYTES + 1).toString("base64")));
    expect(result).toEqual({ ok: false, problems: [{ path: "children[0].entries[0].attachments[0].contentBase64", message: "is larger than 10 MB" }] });
  });
});
