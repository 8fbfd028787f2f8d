import "server-only";

// "Who can see my information" (#9): consent given and withdrawn per recipient and purpose, who
// decides (the young person once Gillick competent, else those with parental responsibility),
// kept as an append-only history whose newest decision stands.
// Domain functions only: the pages' loaders (session, notFound) are the second entry, ./loaders.ts,
// for app/ and components/, so the demo and command-line scripts never load Next.
export { addTopic, decideConsent, latestDecision, lockTopic, recordCompetence, type ConsentChange } from "./decide.ts";
export { findConsent, undecidedTopicWhere, type ConsentView } from "./queries.ts";
export { mayDecide, whoDecides, type Deciders } from "./who-decides.ts";
export { recordShare, type ShareInput } from "./share.ts";
export { findSharingLog } from "./sharing-log.ts";
export { findShareFormData, SHAREABLE_ENTRIES, type ShareFormData } from "./share-form-data.ts";
export { findSharesAwaitingReview, reviewShare, type ShareReviewInput } from "./share-review.ts";
export { mayReviewShares } from "./share-reviewers.ts";
export { chooseAdvocate, endAdvocate, findAdvocacy, type AdvocateView, type Advocacy } from "./advocates.ts";
export { LAWFUL_BASES, RECIPIENTS, SHARED_WHAT, reviewForm, shareForm } from "./form.ts";
