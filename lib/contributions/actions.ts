"use server";
import { redirect } from "next/navigation";
import { defineAction, type ActionState } from "../action/index.ts";
import { Invalid } from "../errors/index.ts";
import { configuredFileStore } from "../files/index.ts";
import { getLocale, getT } from "../i18n/server.ts";
import { paths } from "../paths.ts";
import { checkIncomingFiles, FileRefused, filesFromForm } from "./incoming-files.ts";
import { answerContribution } from "./conversation.ts";
import { addToRecordForm, answerForm, contributionForm, contributionRef, originalForm, replyForm } from "./form.ts";
import { saveContribution } from "./send.ts";
import { addToRecord, recordOriginal, replyToContribution } from "./staff.ts";
import { withdrawContribution } from "./withdraw.ts";

const KEEP = ["kind", "body", "shareWithChild", "shareWithFamily", "submissionKey"];

/** Sends a contribution or saves it as a draft; on success, the confirmation or the drafts list. */
export const saveContributionAction = defineAction({
  name: "contributions.save",
  schema: contributionForm,
  keep: KEEP,
  async run({ input, actor, db, clock, formData }) {
    const removeAttachmentIds = formData.getAll("removeFile").map(String);
    try {
      const files = await checkIncomingFiles(filesFromForm(formData));
      const saved = await saveContribution({ db, clock, actor, form: input, locale: await getLocale(), files, store: configuredFileStore(), removeAttachmentIds });
      redirect(saved.status === "sent" ? paths.contributionSent(input.childId, saved.id) : paths.contributions(input.childId, { saved: true }));
    } catch (error) {
      if (error instanceof FileRefused) return refused("files", error.key, formData, error.fileName);
      const problem = error instanceof Invalid ? error.problems[0] : undefined;
      if (problem?.message.startsWith("contributions:")) return refused(problem.path, problem.message.slice("contributions:".length), formData);
      throw error;
    }
  },
});

// A refusal the sender can act on: said against the field, with what they wrote kept (files must
// be chosen again: browsers never refill a file input).
async function refused(field: string, key: string, formData: FormData, name = "", keep = KEEP): Promise<ActionState> {
  const message = (await getT("contributions"))(key, { name });
  return { ok: false, formError: message, fieldErrors: { [field]: message }, values: Object.fromEntries(keep.map((f) => [f, String(formData.get(f) ?? "")])) };
}

/**
 * The sender's answer after a reply (issue 16), with files under the same rules as the first
 * message. A file refused is said against the files, with the words kept; an empty answer
 * against the words (the action wrapper).
 */
export const answerContributionAction = defineAction({
  name: "contributions.answer",
  schema: answerForm,
  keep: ["body"],
  async run({ input, actor, db, clock, formData }) {
    try {
      const files = await checkIncomingFiles(filesFromForm(formData));
      await answerContribution({ db, clock, actor, ...input, files, store: configuredFileStore() });
    } catch (error) {
      if (error instanceof FileRefused) return refused("files", error.key, formData, error.fileName, ["body"]);
      throw error;
    }
    redirect(paths.contribution(input.childId, input.contributionId, { done: "answered" }));
  },
});

const withdrawRun = defineAction({
  name: "contributions.withdraw",
  schema: contributionRef,
  async run({ input, actor, db, clock }) {
    await withdrawContribution({ db, clock, actor, ...input });
    redirect(paths.contribution(input.childId, input.contributionId));
  },
});

/**
 * Taking it back, once the sender confirmed (in a dialog, or on a page with JavaScript off). A
 * refusal (opened meanwhile) goes back to the contribution, which says why.
 */
export async function withdrawContributionAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const result = await withdrawRun(null, formData);
  if (result && !result.ok) backToContribution(formData);
  return result;
}

export const replyAction = defineAction({
  name: "contributions.reply",
  schema: replyForm,
  keep: ["body"],
  async run({ input, actor, db, clock }) {
    await replyToContribution({ db, clock, actor, childId: input.childId, contributionId: input.contributionId, body: input.body });
    redirect(paths.contribution(input.childId, input.contributionId, { done: "replied" }));
  },
});

const addRun = defineAction({
  name: "contributions.add-to-record",
  schema: addToRecordForm,
  async run({ input, actor, db, clock }) {
    await addToRecord({ db, clock, actor, ...input });
    redirect(paths.contribution(input.childId, input.contributionId, { done: "added" }));
  },
});

export async function addToRecordAction(formData: FormData) {
  const result = await addRun(null, formData);
  if (result && !result.ok) backToContribution(formData);
}

const originalRun = defineAction({
  name: "contributions.record-original",
  schema: originalForm,
  async run({ input, actor, db, clock }) {
    await recordOriginal({ db, clock, actor, ...input });
    redirect(paths.contribution(input.childId, input.contributionId, { done: "original" }));
  },
});

export async function recordOriginalAction(formData: FormData) {
  const result = await originalRun(null, formData);
  if (result && !result.ok) backToContribution(formData);
}

function backToContribution(formData: FormData): never {
  const ref = contributionRef.safeParse(Object.fromEntries(formData));
  redirect(ref.success ? paths.contribution(ref.data.childId, ref.data.contributionId, { problem: true }) : paths.home());
}
