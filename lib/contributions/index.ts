import "server-only";

// "My voice" (#7): what children, families and advocates send to the child's caseworker, and how
// staff answer it and add it to the record. Access rules live in lib/access (readableContributionWhere).
// Domain functions only: the pages' loaders (session, notFound) are the second entry, ./loaders.ts,
// for app/ and components/, so the demo and command-line scripts never load Next.
export { findContribution, findContributionFile, findContributionsOnRecord, findSentThings, type SentThing, type ContributionDetail, type ContributionSummary } from "./queries.ts";
export { findInbox, type InboxFilter, type InboxPage } from "./inbox.ts";
export { dueOnFor, saveContribution, type Saved, type SaveInput } from "./send.ts";
export { withdrawContribution } from "./withdraw.ts";
export { addToRecord, markOpened, recordOriginal, replyToContribution } from "./staff.ts";
export { CONTRIBUTION_KINDS, MAX_BODY_CHARACTERS, isAwaitingAnswer, mayWithdraw } from "./rules.ts";
export { countWaitingByCaseworker, type CaseworkerLoad } from "./team.ts";
export { checkIncomingFiles, FileRefused, filesFromForm, type IncomingFile } from "./incoming-files.ts";
export { answerContribution, type AnswerInput } from "./conversation.ts";
export { conversationState, inOrder, staffHaveWritten, type ConversationState, type ThreadFile, type ThreadMessage } from "./thread.ts";
