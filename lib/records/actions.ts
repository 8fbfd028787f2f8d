"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "../action/index.ts";
import { getLocale } from "../i18n/server.ts";
import { paths } from "../paths.ts";
import { releaseEntry } from "./release.ts";
import { askTranslator, requestTranslation } from "./translation-requests.ts";

const entryRef = z.object({ childId: z.uuid(), entryId: z.uuid() });

const requestTranslationRun = defineAction({
  name: "records.request-translation",
  schema: entryRef,
  async run({ input, actor, db, clock }) {
    await requestTranslation({ db, clock, actor, ...input, locale: await getLocale() });
    redirect(paths.entry(input.childId, input.entryId));
  },
});

/** A plain form post, so it works with JavaScript off; the entry page then shows the request. */
export async function requestTranslationAction(formData: FormData) {
  const result = await requestTranslationRun(null, formData);
  if (result && !result.ok) backToEntry(formData);
}

const askTranslatorRun = defineAction({
  name: "records.ask-translator",
  schema: entryRef.extend({ locale: z.string().max(10) }),
  async run({ input, actor, db, clock }) {
    await askTranslator({ db, clock, actor, ...input });
    redirect(paths.entry(input.childId, input.entryId, { done: "translationAsked" }));
  },
});

/** Staff send an entry to the translators in a language they choose (a plain form post). */
export async function askTranslatorAction(formData: FormData) {
  const result = await askTranslatorRun(null, formData);
  if (result && !result.ok) backToEntry(formData);
}

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

// On failure, back to the entry saying it did not work (or to not-found, if it is not theirs).
function backToEntry(formData: FormData): never {
  const ref = entryRef.safeParse(Object.fromEntries(formData));
  redirect(ref.success ? paths.entry(ref.data.childId, ref.data.entryId, { problem: true }) : paths.home());
}
