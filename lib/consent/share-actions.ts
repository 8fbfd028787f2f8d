"use server";
import { redirect } from "next/navigation";
import { defineAction } from "../action/index.ts";
import { paths } from "../paths.ts";
import { reviewForm, shareForm } from "./form.ts";
import { recordShare } from "./share.ts";
import { reviewShare } from "./share-review.ts";

const SHARE_KEEP = ["lawfulBasis", "topicId", "recipient", "recipientName", "reason", "reasonWithheld", "what", "entryIds", "description", "sharedOn", "purpose"];

/**
 * Records a share; back on the sharing log saying so. A refusal (withdrawn consent, a missing
 * reason...) is said on the form by the action wrapper, with what was typed kept.
 */
export const recordShareAction = defineAction({
  name: "consent.share",
  schema: shareForm,
  keep: SHARE_KEEP,
  lists: ["entryIds"],
  async run({ input, actor, db, clock }) {
    await recordShare({ db, clock, actor, share: input });
    redirect(paths.sharingLog(input.childId, { done: "shared" }));
  },
});

export const reviewShareAction = defineAction({
  name: "consent.share-review",
  schema: reviewForm,
  keep: ["outcome", "note"],
  async run({ input, actor, db, clock }) {
    await reviewShare({ db, clock, actor, review: input });
    redirect(paths.sharingLog(input.childId, { done: "reviewed" }));
  },
});
