import "server-only";
export { FAMILY_ROLES, STAFF_ROLES, isStaff, type Actor, type SystemActor } from "./actor.ts";
export { activeGrant, childWhereForActor, findChildrenForActor, type ChildSummary } from "./policy.ts";
export { grantAccess, revokeGrant, type GrantInput } from "./grants.ts";
export {
  audienceOf,
  isWaitingFor,
  listedEntryWhere,
  mayReadAccessLog,
  readableEntryWhere,
  translatableEntryWhere,
  waitingEntryWhere,
  withheldEntryWhere,
  type EntryAudience,
} from "./entries.ts";
export { readerOf, type Reader } from "./reader.ts";
export { isStaffWorker, mayDecideRestrictions, mayTranslate } from "./staff-work.ts";
export { maySendContribution, readableContributionWhere } from "./contributions.ts";
export { listedShareWhere, sharingLogChildWhere } from "./shares.ts";
export { readableRequestWhere } from "./requests.ts";
