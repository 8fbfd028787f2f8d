import "server-only";
import { audienceOf } from "../access/index.ts";
import { systemClock } from "../clock.ts";
import { withRecord } from "../records/loaders.ts";
import { mayDecide } from "./who-decides.ts";
import { findConsent } from "./queries.ts";
import { findShareFormData } from "./share-form-data.ts";
import { mayReviewShares } from "./share-reviewers.ts";
import { findSharingLog } from "./sharing-log.ts";
import { findAdvocacy } from "./advocates.ts";

type Query = Record<string, string | string[] | undefined>;

/** "Who can see my information": the consent page, for anyone who may open the record. */
export function loadConsent(childId: string, query: Query = {}) {
  return withRecord(childId, "consent", async ({ db, actor, childId }) => {
    const consent = await findConsent({ db, actor, childId, now: systemClock.now() });
    const done = typeof query.done === "string" ? query.done : undefined;
    return { consent, mayDecide: mayDecide(actor, consent.deciders), staff: audienceOf(actor) === "staff", done };
  });
}

/** The confirmation page (JavaScript off): what will change before it does. */
export function loadConsentConfirmation(childId: string, query: Query) {
  return withRecord(childId, "consent", async ({ db, actor, childId }) => {
    const consent = await findConsent({ db, actor, childId, now: systemClock.now() });
    const topic = consent.topics.find((t) => t.id === query.topicId);
    const choice = query.choice === "given" || query.choice === "withdrawn" ? query.choice : null;
    return { topic: topic ?? null, choice, mayDecide: mayDecide(actor, consent.deciders), expiresOn: typeof query.expiresOn === "string" ? query.expiresOn : "" };
  });
}

/** "Who my information was shared with"; for the managers who review them, the form to review withheld reasons. */
export function loadSharingLog(childId: string, query: Query = {}) {
  return withRecord(childId, "consent", async ({ db, actor, childId }) => {
    const [shares, mayReview] = await Promise.all([findSharingLog({ db, actor, childId }), mayReviewShares(db, actor, childId)]);
    const done = query.done === "shared" || query.done === "reviewed" ? query.done : undefined;
    return { shares, mayReview, staff: audienceOf(actor) === "staff", done };
  });
}

/** "Record a share", for caseworkers and managers: consent at a glance and the form. */
export function loadNewShare(childId: string) {
  return withRecord(childId, "consent", async ({ db, actor, childId }) => ({ form: await findShareFormData({ db, actor, childId, now: systemClock.now() }) }));
}

/** "Your advocate": who advocates for the child, what they can see and do, and choosing or ending. */
export function loadAdvocacy(childId: string, query: Query = {}) {
  return withRecord(childId, "consent", async ({ db, actor, childId }) => {
    const advocacy = await findAdvocacy({ db, actor, childId, now: systemClock.now() });
    const done = query.done === "chosen" || query.done === "ended" ? query.done : undefined;
    const endingId = typeof query.grantId === "string" ? query.grantId : undefined;
    return { advocacy, staff: audienceOf(actor) === "staff", done, ending: advocacy.current.find((a) => a.grantId === endingId) ?? null };
  });
}
