"use server";
import { redirect } from "next/navigation";
import type { Actor } from "../access/index.ts";
import { defineAction } from "../action/index.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/index.ts";
import {
  allocateCaseworker,
  createAccount,
  disableAccount,
  enableAccount,
  endAdvocateRegistration,
  issueSetupCode,
  listAccounts,
  registerAdvocate,
  unallocateCaseworker,
} from "../accounts/index.ts";
import { Conflict, Invalid } from "../errors/index.ts";
import { formatDateTime } from "../i18n/format.ts";
import { getLocale } from "../i18n/server.ts";
import { paths } from "../paths.ts";
import { assertAdmin } from "./guard.ts";
import { accountForm, accountSearchForm, allocationForm, createAccountForm, importForm, registerAdvocateForm } from "./forms.ts";
import { uploadImport } from "./upload-import.ts";

// The administrator's actions: each checks the actor is an administrator (a manager, for
// allocations of their own team), then calls the same lib/accounts or lib/imports function the
// command line does, so the rules and the audit live in one place.

const codeState = async (code: { code: string; expiresAt: Date }, userId: string) => ({
  ok: true,
  message: code.code,
  values: { userId, expiresAt: formatDateTime(code.expiresAt, await getLocale()) },
});

export const createAccountAction = defineAction({
  name: "admin.account.create",
  schema: createAccountForm,
  keep: ["role", "username", "displayName", "email", "team", "childId", "personId"],
  async run({ input, actor, db, clock }) {
    assertAdmin(actor);
    try {
      // The child's record was the way to its people: a parent, carer or advocate account links to the person.
      const childId = input.role === "child" ? input.childId : undefined;
      const made = await createAccount({ db, clock, actor, ...input, childId });
      return codeState(made.setupCode!, made.id);
    } catch (error) {
      // The username is taken (or, racing, the child's record got an account): say it against the username.
      if (error instanceof Conflict) throw new Invalid(error.message, [{ path: "username", message: "admin:errors.taken" }]);
      throw error;
    }
  },
});

export const issueSetupCodeAction = defineAction({
  name: "admin.account.setup-code",
  schema: accountForm,
  async run({ input, actor, db, clock }) {
    assertAdmin(actor);
    return codeState(await issueSetupCode({ db, clock, actor, userId: input.userId }), input.userId);
  },
});

type Ctx = { db: Db; clock: Clock; actor: Actor };

// One account, one change, then back to a page saying so.
const accountChange = (name: string, change: (ctx: Ctx & { userId: string }) => Promise<unknown>, then: (userId: string) => string) =>
  defineAction({
    name,
    schema: accountForm,
    async run({ input, actor, db, clock }) {
      assertAdmin(actor);
      await change({ db, clock, actor, userId: input.userId });
      redirect(then(input.userId));
    },
  });

export const disableAccountAction = accountChange("admin.account.disable", disableAccount, (id) => paths.adminAccount(id, { done: "disabled" }));
export const enableAccountAction = accountChange("admin.account.enable", enableAccount, (id) => paths.adminAccount(id, { done: "enabled" }));
export const endRegistrationAction = accountChange("admin.advocate.end", endAdvocateRegistration, () => paths.adminAdvocates({ done: "ended" }));

// Allocations: the domain lets an administrator allocate anyone, a manager their own team only.
const allocationChange = (name: string, change: (ctx: Ctx & { userId: string; childId: string }) => Promise<unknown>, done: string) =>
  defineAction({
    name,
    schema: allocationForm,
    keep: ["caseworkerId"],
    async run({ input, actor, db, clock }) {
      await change({ db, clock, actor, userId: input.caseworkerId, childId: input.childId });
      const page = input.page;
      redirect(actor.role === "manager" ? paths.teamAllocations({ page, done }) : paths.adminAllocations({ page, done }));
    },
  });

export const allocateAction = allocationChange("admin.allocate", allocateCaseworker, "allocated");
export const unallocateAction = allocationChange("admin.unallocate", unallocateCaseworker, "unallocated");

export const registerAdvocateAction = defineAction({
  name: "admin.advocate.register",
  schema: registerAdvocateForm,
  keep: ["userId", "organisation"],
  async run({ input, actor, db, clock }) {
    assertAdmin(actor);
    await registerAdvocate({ db, clock, actor, userId: input.userId, organisation: input.organisation });
    redirect(paths.adminAdvocates({ done: "registered" }));
  },
});

export const importAction = defineAction({
  name: "admin.import",
  schema: importForm,
  async run({ actor, db, clock, formData }) {
    assertAdmin(actor);
    const result = await uploadImport({ db, clock, actor, file: formData.get("file") });
    if (!result.ok) return { ok: false, problems: result.problems };
    redirect(paths.adminImport(result.summary.importRunId));
  },
});

/** Finds accounts by part of a username; the answer comes back in the page, not its address. */
export const findAccountsAction = defineAction({
  name: "admin.account.find",
  schema: accountSearchForm,
  keep: ["search"],
  async run({ input, actor, db }) {
    assertAdmin(actor);
    const found = await listAccounts({ db, actor, search: input.search, page: 1 });
    return { ok: true, values: { search: input.search }, matches: found.accounts.map((a) => ({ id: a.id, username: a.username, displayName: a.displayName, role: a.role, disabled: a.disabled })) };
  },
});
