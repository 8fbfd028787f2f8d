import "server-only";
import type { Readable } from "node:stream";
import { requireSession } from "../auth/current.ts";
import { systemClock } from "../clock.ts";
import { getDb } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { getLocale, getT } from "../i18n/server.ts";
import { collectCopy, recordView } from "../records/index.ts";
import { renderRecordPdf } from "./render.ts";

// "Download my record": the loader behind /records/[childId]/download. The session, the record
// this viewer may open (collectCopy opens it through openRecord), the view written to the access
// log, then the PDF in the viewer's language. A record that is not theirs is simply not found.

export type LoadedCopy = { found: false } | { found: true; pdf: Readable };

export async function loadCopy(childId: string): Promise<LoadedCopy> {
  const { actor } = await requireSession();
  const [db, locale, translate] = await Promise.all([getDb(), getLocale(), getT("copy")]);
  try {
    const copy = await collectCopy({ db, actor, childId, locale, now: systemClock.now() });
    await recordView({ db, clock: systemClock, actor, childId: copy.child.id, part: "download" });
    return { found: true, pdf: renderRecordPdf(copy, (key, options) => translate(key, options), locale) };
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return { found: false };
    throw error;
  }
}
