import "server-only";
export { createAccount, type CreateAccountInput, type CreatedAccount } from "./create-account.ts";
export { allocateCaseworker, assertMayAllocate, unallocateCaseworker, type AllocateInput } from "./allocate-caseworker.ts";
export { disableAccount, enableAccount, type DisableInput } from "./disable-account.ts";
export { createDemoAccounts, type DemoAccount } from "./demo-accounts.ts";
export { isRole, ROLES } from "./account-rules.ts";
export { assertMayManageAccounts } from "./guards.ts";
export { endAdvocateRegistration, registerAdvocate } from "./register-advocate.ts";
export { issueSetupCode, SETUP_CODE_LIFETIME_MS, type IssuedSetupCode } from "./setup-codes.ts";
export { redeemSetupCode, type RedeemSetupCodeInput, type RedeemSetupCodeResult } from "./redeem-setup-code.ts";
export {
  ACCOUNTS_PAGE_SIZE,
  findAccount,
  listAccounts,
  listChildOptions,
  listPeopleOfChild,
  listTeams,
  type AccountDetail,
  type AccountRow,
  type ChildOption,
  type PersonOption,
} from "./account-queries.ts";
export { ALLOCATIONS_PAGE_SIZE, findAdvocateRegister, findAllocations, type AllocationBoard, type AllocationRow } from "./allocation-queries.ts";
