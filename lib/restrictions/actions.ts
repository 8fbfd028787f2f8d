"use server";
import { redirect } from "next/navigation";
import { defineAction } from "../action/index.ts";
import { paths } from "../paths.ts";
import { decideRestrictionForm, proposeRestrictionForm, reviewRestrictionForm } from "./form.ts";
import { decideRestriction, proposeRestriction, reviewRestriction } from "./workflow.ts";

const KEEP = ["change", "outcome", "stillApplies", "reason", "note", "reviewDue"];

/** A caseworker's proposal (a manager's is decided at once); back on the entry saying which. */
export const proposeRestrictionAction = defineAction({
  name: "restriction.propose",
  schema: proposeRestrictionForm,
  keep: KEEP,
  async run({ input, actor, db, clock }) {
    const { decided } = await proposeRestriction({ db, clock, actor, proposal: input });
    const done = !decided ? "proposed" : input.change === "lift" ? "lifted" : "withheld";
    redirect(paths.entry(input.childId, input.entryId, { done }));
  },
});

export const decideRestrictionAction = defineAction({
  name: "restriction.decide",
  schema: decideRestrictionForm,
  keep: KEEP,
  async run({ input, actor, db, clock }) {
    const { entryId } = await decideRestriction({ db, clock, actor, decision: input });
    redirect(paths.entry(input.childId, entryId, { done: "decided" }));
  },
});

export const reviewRestrictionAction = defineAction({
  name: "restriction.review",
  schema: reviewRestrictionForm,
  keep: KEEP,
  async run({ input, actor, db, clock }) {
    await reviewRestriction({ db, clock, actor, review: input });
    redirect(paths.entry(input.childId, input.entryId, { done: "reviewed" }));
  },
});
