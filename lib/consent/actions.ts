"use server";
import { redirect } from "next/navigation";
import { defineAction } from "../action/index.ts";
import { paths } from "../paths.ts";
import { chooseAdvocate, endAdvocate } from "./advocates.ts";
import { addTopic, decideConsent, recordCompetence } from "./decide.ts";
import { advocateChoiceForm, advocateEndForm, competenceForm, decisionForm, topicForm } from "./form.ts";

/** Gives or withdraws consent; back on the page, saying what changed. */
export const decideConsentAction = defineAction({
  name: "consent.decide",
  schema: decisionForm,
  async run({ input, actor, db, clock }) {
    await decideConsent({ db, clock, actor, change: input });
    redirect(paths.consent(input.childId, { done: input.choice }));
  },
});

export const addTopicAction = defineAction({
  name: "consent.add-topic",
  schema: topicForm,
  keep: ["recipient", "recipientName", "purpose"],
  async run({ input, actor, db }) {
    await addTopic({ db, actor, ...input });
    redirect(paths.consent(input.childId, { done: "topic" }));
  },
});

export const competenceAction = defineAction({
  name: "consent.competence",
  schema: competenceForm,
  keep: ["note", "assessedOn"],
  async run({ input, actor, db, clock }) {
    await recordCompetence({ db, clock, actor, ...input });
    redirect(paths.consent(input.childId, { done: "competence" }));
  },
});

/** The child chooses an advocate (or staff appoint one); back on the page, saying so. */
export const chooseAdvocateAction = defineAction({
  name: "advocate.choose",
  schema: advocateChoiceForm,
  keep: ["advocateId", "endsOn"],
  async run({ input, actor, db, clock }) {
    await chooseAdvocate({ db, clock, actor, choice: input });
    redirect(paths.advocate(input.childId, { done: "chosen" }));
  },
});

/** Ends an advocate's access now. */
export const endAdvocateAction = defineAction({
  name: "advocate.end",
  schema: advocateEndForm,
  async run({ input, actor, db, clock }) {
    await endAdvocate({ db, clock, actor, ...input });
    redirect(paths.advocate(input.childId, { done: "ended" }));
  },
});
