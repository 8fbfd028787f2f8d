"use server";
import { redirect } from "next/navigation";
import { defineAction, type ActionState } from "../action/index.ts";
import { Invalid } from "../errors/index.ts";
import { getT } from "../i18n/server.ts";
import { paths } from "../paths.ts";
import { reviewForm, shareForm } from "./form.ts";
import { recordShare } from "./share.ts";
import { reviewShare } from "./share-review.ts";

const SHARE_KEEP = ["lawfulBasis", "topicId", "recipient", "recipientName", "reason", "reasonWithheld", "what", "entryIds", "description", "sharedOn", "purpose"];

/** Records a share; back on the sharing log saying so. A refusal is said on the form, with what was typed kept. */
export const recordShareAction = defineAction({
  name: "consent.share",
  schema: shareForm,
  keep: SHARE_KEEP,
  lists: ["entryIds"],
  async run({ input, actor, db, clock, formData }) {
    const failed = await refusal(() => recordShare({ db, clock, actor, share: input }), formData, SHARE_KEEP);
    if (failed) return failed;
    redirect(paths.sharingLog(input.childId, { done: "shared" }));
  },
});

export const reviewShareAction = defineAction({
  name: "consent.share-review",
  schema: reviewForm,
  keep: ["outcome", "note"],
  async run({ input, actor, db, clock, formData }) {
    const failed = await refusal(() => reviewShare({ db, clock, actor, review: input }), formData, ["outcome", "note"]);
    if (failed) return failed;
    redirect(paths.sharingLog(input.childId, { done: "reviewed" }));
  },
});

// A refusal the worker can act on (withdrawn consent, a missing reason...) becomes a message on
// the form; anything else (not found) goes on to the wrapper, which answers it the one way.
async function refusal(step: () => Promise<unknown>, formData: FormData, keep: string[]): Promise<ActionState | null> {
  try {
    await step();
    return null;
  } catch (error) {
    const problem = error instanceof Invalid ? error.problems[0] : undefined;
    if (!problem?.message.startsWith("consent:")) throw error;
    const message = (await getT("consent"))(problem.message.slice("consent:".length));
    const values = Object.fromEntries(keep.map((k) => [k, k === "entryIds" ? formData.getAll(k).map(String).join(",") : String(formData.get(k) ?? "")]));
    return { ok: false, formError: message, fieldErrors: { [problem.path]: message }, values };
  }
}
