"use server";
import { redirect } from "next/navigation";
import { defineAction } from "../action/index.ts";
import { paths } from "../paths.ts";
import { checkTranslation, submitTranslation } from "./drafts.ts";
import { checkTranslationForm, SECTION_FIELDS, submitTranslationForm } from "./form.ts";

export const submitTranslationAction = defineAction({
  name: "translation.submit",
  schema: submitTranslationForm,
  keep: ["title", "translatedBy", ...SECTION_FIELDS],
  async run({ input, actor, db, clock }) {
    await submitTranslation({ db, clock, actor, translation: input });
    redirect(actor.role === "translator" ? paths.home({ done: "translationSent" }) : paths.entry(input.childId, input.entryId, { done: "translationSent" }));
  },
});

export const checkTranslationAction = defineAction({
  name: "translation.check",
  schema: checkTranslationForm,
  keep: ["outcome", "note"],
  async run({ input, actor, db, clock }) {
    const { entryId } = await checkTranslation({ db, clock, actor, check: input });
    const done = input.outcome === "approved" ? "translationApproved" : "translationReturned";
    redirect(actor.role === "translator" ? paths.home({ done }) : paths.entry(input.childId, entryId, { done }));
  },
});
