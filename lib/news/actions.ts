"use server";
import { redirect } from "next/navigation";
import { originAllowed } from "../action/index.ts";
import { requireSession } from "../auth/current.ts";
import { systemClock } from "../clock.ts";
import { getDb } from "../db/index.ts";
import { paths } from "../paths.ts";
import { markAllNewsSeen } from "./queries.ts";

/** "Mark all as seen": a plain form, so it works with JavaScript off. */
export async function markAllNewsSeenAction(): Promise<void> {
  const { actor } = await requireSession();
  if (!(await originAllowed(actor, "news.mark-all-seen"))) redirect(paths.home());
  await markAllNewsSeen({ db: await getDb(), actor, now: systemClock.now() });
  redirect(paths.home());
}
