import "server-only";
export { createAccount, type CreateAccountInput, type CreatedAccount } from "./create-account.ts";
export { allocateCaseworker, type AllocateInput } from "./allocate-caseworker.ts";
export { disableAccount, type DisableInput } from "./disable-account.ts";
export { createDemoAccounts, type DemoAccount } from "./demo-accounts.ts";
export { isRole, ROLES } from "./account-rules.ts";
export { registerAdvocate } from "./register-advocate.ts";
