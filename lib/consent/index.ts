import "server-only";

// "Who can see my information" (#9): consent given and withdrawn per recipient and purpose, who
// decides (the young person once Gillick competent, else those with parental responsibility),
// kept as an append-only history whose newest decision stands.
export { addTopic, decideConsent, latestDecision, lockTopic, recordCompetence, type ConsentChange } from "./decide.ts";
export { findConsent, type ConsentView } from "./queries.ts";
export { mayDecide, whoDecides, type Deciders } from "./who-decides.ts";
export { recordShare, type ShareInput } from "./share.ts";
export { findSharingLog } from "./sharing-log.ts";
export { loadAdvocacy, loadConsent, loadConsentConfirmation, loadSharingLog } from "./loaders.ts";
export { chooseAdvocate, endAdvocate, findAdvocacy, type AdvocateView, type Advocacy } from "./advocates.ts";
export { RECIPIENTS } from "./form.ts";
