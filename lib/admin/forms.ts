import { z } from "zod";
import { Role } from "../db/generated/enums.ts";
import type { Role as RoleName } from "../db/generated/enums.ts";

// One schema per admin form, shared by the pages and the server actions. Messages are keys in
// the "admin" texts. The rules themselves (usernames, links, teams) are lib/accounts'.

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const optionalText = (max: number) => z.preprocess(blank, z.string().trim().max(max, "admin:errors.tooLong").optional());
const optionalId = z.preprocess(blank, z.uuid().optional());

export const createAccountForm = z.object({
  role: z.enum(Role, "admin:errors.chooseRole"),
  username: z.string().trim().min(1, "admin:errors.usernameNeeded").max(64, "admin:errors.usernameInvalid"),
  displayName: optionalText(200),
  email: optionalText(254),
  team: optionalText(100),
  childId: optionalId,
  personId: z.preprocess(blank, z.uuid("admin:errors.choosePerson").optional()),
});

export const accountForm = z.object({ userId: z.uuid() });

export const allocationForm = z.object({
  childId: z.uuid(),
  caseworkerId: z.uuid("admin:errors.chooseCaseworker"),
  page: z.preprocess(blank, z.string().regex(/^\d{1,6}$/).optional()),
});

export const registerAdvocateForm = z.object({
  userId: z.uuid("admin:errors.chooseAdvocate"),
  organisation: z.string().trim().min(1, "advocate:errors.organisation").max(200, "advocate:errors.organisation"),
});

export const importForm = z.object({});

/** The browser's limit on one upload: the server's limit on a posted form (next.config.js). */
export const UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

/** Every role an account can have, in the order the administrator meets them. */
export const ROLE_OPTIONS = ["child", "parent", "carer", "advocate", "caseworker", "manager", "admin", "translator"] as const satisfies readonly RoleName[];

export const accountSearchForm = z.object({ search: z.string().trim().min(1, "admin:accounts.searchNeeded").max(100, "admin:accounts.searchNeeded") });
