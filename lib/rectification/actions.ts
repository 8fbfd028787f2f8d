"use server";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { Actor } from "../access/index.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/index.ts";
import { defineAction, type ActionState } from "../action/index.ts";
import { checkIncomingFiles, FileRefused, filesFromForm } from "../contributions/index.ts";
import { Conflict, Invalid } from "../errors/index.ts";
import { configuredFileStore } from "../files/index.ts";
import { getLocale, getT } from "../i18n/server.ts";
import { paths } from "../paths.ts";
import { askForCorrection } from "./ask.ts";
import type { Fix } from "./correct-entry.ts";
import { decideRequest } from "./decide.ts";
import { addDisagreement } from "./disagreement.ts";
import { answerOnRequest, replyOnRequest } from "./conversation.ts";
import { answerForm, answerMessageForm, decisionForm, disagreementForm, extendForm, questionForm, replyMessageForm, requestForm, requestRef, toldForm } from "./form.ts";
import { answerQuestion, askQuestion, extendRequest, recordRecipientsTold, withdrawRequest } from "./steps.ts";

const ASK_KEEP = ["whatIsWrong", "whatItShouldSay"];

/** "Ask for a correction": on success, the confirmation with the due date. */
export const askAction = defineAction({
  name: "corrections.ask",
  schema: requestForm,
  lists: ["items"],
  keep: ASK_KEEP,
  async run({ input, actor, db, clock, formData }) {
    try {
      const files = await checkIncomingFiles(filesFromForm(formData));
      const { id } = await askForCorrection({ db, clock, actor, form: input, locale: await getLocale(), files, store: configuredFileStore() });
      redirect(paths.correctionSent(input.childId, id));
    } catch (error) {
      if (error instanceof FileRefused) return refused("contributions", error.key, formData, ASK_KEEP, "files", error.fileName);
      throw error;
    }
  },
});

// The staff and requester steps: each comes back to the request's page, saying how it went; a
// refusal (a conflict, an extension too late) keeps what was typed.
type StepContext<I> = { input: I; actor: Actor; db: Db; clock: Clock; formData: FormData };

function stepAction<S extends z.ZodType<{ childId: string; requestId: string }>>(name: string, schema: S, done: string, run: (ctx: StepContext<z.infer<S>>) => Promise<void>, keep: string[] = []) {
  return defineAction({
    name,
    schema,
    keep,
    async run({ input, actor, db, clock, formData }) {
      const failed = await refusal(() => run({ input, actor, db, clock, formData }), formData, keep);
      if (failed) return failed;
      redirect(paths.correction(input.childId, input.requestId, { done }));
    },
  });
}

/** Runs a step; a refusal the person can act on becomes a message, anything else is thrown on. */
async function refusal(step: () => Promise<void>, formData: FormData, keep: string[]): Promise<ActionState | null> {
  try {
    await step();
    return null;
  } catch (error) {
    if (error instanceof Conflict) return refused("corrections", "errors.conflict", formData, keep);
    const problem = error instanceof Invalid ? error.problems[0] : undefined;
    if (problem?.message.startsWith("corrections:")) return refused("corrections", problem.message.slice("corrections:".length), formData, keep, problem.path);
    throw error;
  }
}

export const questionAction = stepAction("corrections.question", questionForm, "question", ({ input, actor, db, clock }) => askQuestion({ actor, db, clock, ...input }), ["note"]);
export const answerAction = stepAction("corrections.answer", answerForm, "answered", ({ input, actor, db, clock }) => answerQuestion({ actor, db, clock, ...input }), ["note"]);
export const extendAction = stepAction("corrections.extend", extendForm, "extended", ({ input, actor, db, clock }) => extendRequest({ actor, db, clock, ...input }), ["reason", "months"]);
export const withdrawAction = stepAction("corrections.withdraw", requestRef, "withdrawn", ({ input, actor, db, clock }) => withdrawRequest({ actor, db, clock, ...input }));
export const toldAction = stepAction("corrections.told", toldForm, "told", ({ input, actor, db, clock }) => recordRecipientsTold({ actor, db, clock, ...input }), ["note"]);
export const disagreeAction = stepAction("corrections.disagree", disagreementForm, "disagreement", ({ input, actor, db, clock }) => addDisagreement({ actor, db, clock, ...input }), ["text"]);
export const decideAction = stepAction("corrections.decide", decisionForm, "decided", ({ input, actor, db, clock, formData }) => decideRequest({ actor, db, clock, ...input, fixes: fixesFrom(formData) }), ["outcome", "reason"]);

// The conversation (issue 16): a staff reply, and the requester's answer with files (the rules of evidence).
export const replyOnRequestAction = stepAction("corrections.reply", replyMessageForm, "replied", async ({ input, actor, db, clock }) => void (await replyOnRequest({ actor, db, clock, ...input })), ["body"]);

export const answerOnRequestAction = defineAction({
  name: "corrections.conversation-answer",
  schema: answerMessageForm,
  keep: ["body"],
  async run({ input, actor, db, clock, formData }) {
    try {
      const files = await checkIncomingFiles(filesFromForm(formData));
      await answerOnRequest({ db, clock, actor, ...input, files, store: configuredFileStore() });
    } catch (error) {
      if (error instanceof FileRefused) return refused("contributions", error.key, formData, ["body"], "files", error.fileName);
      if (error instanceof Conflict) return refused("corrections", "errors.conflict", formData, ["body"]);
      throw error;
    }
    redirect(paths.correction(input.childId, input.requestId, { done: "answerSent" }));
  },
});

// Corrected text comes as "fix:<entryId>:<part>" fields; an empty one, or one left as it was, corrects nothing.
const FIX = /^fix:([0-9a-f-]{36}):(\d{1,3})$/;
function fixesFrom(formData: FormData): Fix[] {
  const fixes: Fix[] = [];
  for (const [name, value] of formData) {
    const match = name.match(FIX);
    const text = typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : "";
    const was = formData.get(`was:${match?.[1]}:${match?.[2]}`);
    if (match && text && text !== String(was ?? "").replace(/\r\n?/g, "\n").trim()) fixes.push({ entryId: match[1]!, position: Number(match[2]), text: text.slice(0, 5000) });
  }
  return fixes;
}

async function refused(ns: "corrections" | "contributions", key: string, formData: FormData, keep: string[], field = "_", name = ""): Promise<ActionState> {
  const message = (await getT(ns))(key, { name });
  return { ok: false, formError: message, fieldErrors: { [field]: message }, values: Object.fromEntries(keep.map((f) => [f, String(formData.get(f) ?? "")])) };
}
