"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "../action/index.ts";
import { getLocale } from "../i18n/server.ts";
import { paths } from "../paths.ts";
import { backToEntry, entryRef } from "../records/entry-post.ts";
import { askTranslator, requestTranslation } from "./requests.ts";

// The entry page's requests for a translation. Their action names are the ones they had in
// lib/records/actions.ts, so refusals are audited under the same names as before.
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
