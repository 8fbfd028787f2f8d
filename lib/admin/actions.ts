"use server";
import { redirect } from "next/navigation";
import { defineAction } from "../action/index.ts";
import {
  allocateCaseworker,
  createAccount,
  disableAccount,
  enableAccount,
  endAdvocateRegistration,
  issueSetupCode,
  registerAdvocate,
  unallocateCaseworker,
} from "../accounts/index.ts";
import { Conflict, Invalid } from "../errors/index.ts";
import { formatDateTime } from "../i18n/format.ts";
import { getLocale } from "../i18n/server.ts";
import { paths } from "../paths.ts";
import { assertAdmin } from "./guard.ts";
import { accountForm, allocationForm, createAccountForm, importForm, registerAdvocateForm } from "./forms.ts";
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

export const disableAccountAction = defineAction({
  name: "admin.account.disable",
  schema: accountForm,
  async run({ input, actor, db, clock }) {
    assertAdmin(actor);
    await disableAccount({ db, clock, actor, userId: input.userId });
    redirect(paths.adminAccount(input.userId, { done: "disabled" }));
  },
});

export const enableAccountAction = defineAction({
  name: "admin.account.enable",
  schema: accountForm,
  async run({ input, actor, db, clock }) {
    assertAdmin(actor);
    await enableAccount({ db, clock, actor, userId: input.userId });
    redirect(paths.adminAccount(input.userId, { done: "enabled" }));
  },
});

// Allocations: the domain lets an administrator allocate anyone, a manager their own team only.
const allocationsPage = (role: string, page: string | undefined, done: string) =>
  role === "manager" ? paths.teamAllocations({ page, done }) : paths.adminAllocations({ page, done });

export const allocateAction = defineAction({
  name: "admin.allocate",
  schema: allocationForm,
  keep: ["caseworkerId"],
  async run({ input, actor, db, clock }) {
    await allocateCaseworker({ db, clock, actor, userId: input.caseworkerId, childId: input.childId });
    redirect(allocationsPage(actor.role, input.page, "allocated"));
  },
});

export const unallocateAction = defineAction({
  name: "admin.unallocate",
  schema: allocationForm,
  async run({ input, actor, db, clock }) {
    await unallocateCaseworker({ db, clock, actor, userId: input.caseworkerId, childId: input.childId });
    redirect(allocationsPage(actor.role, input.page, "unallocated"));
  },
});

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

export const endRegistrationAction = defineAction({
  name: "admin.advocate.end",
  schema: accountForm,
  async run({ input, actor, db, clock }) {
    assertAdmin(actor);
    await endAdvocateRegistration({ db, clock, actor, userId: input.userId });
    redirect(paths.adminAdvocates({ done: "ended" }));
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
