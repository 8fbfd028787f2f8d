"use server";
import { redirect } from "next/navigation";
import { defineAction } from "../action/index.ts";
import { paths } from "../paths.ts";
import { backToEntry, entryRef } from "./entry-post.ts";
import { releaseEntry } from "./release.ts";

const releaseRun = defineAction({
  name: "records.release-entry",
  schema: entryRef,
  async run({ input, actor, db, clock }) {
    await releaseEntry({ db, clock, actor, ...input });
    redirect(paths.entry(input.childId, input.entryId));
  },
});

/** A worker has read the entry with the child: the child can now see it. */
export async function releaseEntryAction(formData: FormData) {
  const result = await releaseRun(null, formData);
  if (result && !result.ok) backToEntry(formData);
}
