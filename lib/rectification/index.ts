import "server-only";

// "Something's wrong" (#8): correction requests from the entry itself, a statutory clock both
// sides can see, and an outcome that stays with the entry. Access rules: lib/access/requests.ts.
// Domain functions only: the pages' loaders (session, notFound) are the second entry, ./loaders.ts,
// for app/ and components/, so the demo and command-line scripts never load Next.
export { askForCorrection, type AskInput } from "./ask.ts";
export { clockView, dueOn, extensionProblem, MAX_EXTENSION_MONTHS, type ClockView } from "./clock.ts";
export { decideRequest, type Decision } from "./decide.ts";
export { addDisagreement } from "./disagreement.ts";
export { requestForm, type RequestForm, type RequestItem } from "./form.ts";
export { findOpenRequests, findRequest, findRequestFile, findRequestsOnRecord, type OpenRequests, type RequestDetail, type RequestSummary } from "./queries.ts";
export { answerOnRequest, replyOnRequest } from "./conversation.ts";
export { answerQuestion, askQuestion, extendRequest, recordRecipientsTold, startReview, withdrawRequest } from "./steps.ts";
