import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import { getCurrentSession } from "../auth/current.ts";
import { systemClock, type Clock } from "../clock.ts";
import { getDb, type Db } from "../db/index.ts";
import { AppError, Invalid, type FieldProblem } from "../errors/index.ts";
import { getT } from "../i18n/server.ts";
import { log } from "../log.ts";
import { isAllowedOrigin } from "./origin.ts";
import type { ActionState } from "./state.ts";

export type { ActionState } from "./state.ts";

// formData is there for what a schema cannot parse from one value per name (uploaded files).
type Context<I, A> = { input: I; actor: A; db: Db; clock: Clock; formData: FormData };

type Options<S extends z.ZodType, A> = {
  name: string;
  schema: S;
  /** Fields echoed back into the form when it fails (never secrets). */
  keep?: string[];
  /** Fields that may come more than once (checkboxes of one name): parsed as lists. */
  lists?: string[];
  run(ctx: Context<z.infer<S>, A>): Promise<ActionState | void>;
};

/**
 * The one wrapper every mutation goes through: origin check, session, input parsing with the
 * same zod schema the form uses, and one mapping from typed errors to translated messages.
 * Refusals (wrong origin, not allowed) are audited here; domain code audits its own changes
 * inside the transaction that makes them, so a change and its audit row commit together.
 */
export function defineAction<S extends z.ZodType>(opts: Options<S, Actor>) {
  return wrap(opts, true);
}

/** For the few actions that run before sign-in (signing in, choosing a language). */
export function definePublicAction<S extends z.ZodType>(opts: Options<S, Actor | null>) {
  return wrap(opts as Options<S, Actor | null>, false);
}

function wrap<S extends z.ZodType, A extends Actor | null>(opts: Options<S, A>, needsActor: boolean) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const te = await getT("errors");
    const values = keptValues(formData, opts.keep, opts.lists);
    try {
      const session = await getCurrentSession();
      if (!(await originAllowed(session?.actor ?? null, opts.name))) return { ok: false, formError: te("badOrigin") };
      if (needsActor && !session) return { ok: false, formError: te("unauthenticated") };
      const parsed = opts.schema.safeParse(formValues(formData, opts.lists));
      if (!parsed.success) return { ok: false, formError: te("invalid"), fieldErrors: await fieldErrors(parsed.error), values };
      const db = await getDb();
      const result = await opts.run({ input: parsed.data, actor: (session?.actor ?? null) as A, db, clock: systemClock, formData });
      return result ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
      if (error instanceof AppError && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) {
        await auditRefusal((await getCurrentSession())?.actor ?? null, opts.name, error.code.toLowerCase());
      }
      // A refusal the domain explains ("ns:key" against a field) is said against that field.
      if (error instanceof Invalid && error.problems.some(isKeyed)) {
        const fields = await translated(error.problems.filter(isKeyed));
        return { ok: false, formError: Object.values(fields)[0], fieldErrors: fields, values };
      }
      return { ok: false, formError: te(messageKey(error, opts.name)), values };
    }
  };
}

/**
 * Whether the request comes from this site (or an allowed origin); a refusal is audited. Used by
 * the wrapper, and by the one action that must not resolve the session first (idle sign-out).
 */
export async function originAllowed(actor: Actor | null, action: string): Promise<boolean> {
  const h = await headers();
  if (isAllowedOrigin(h.get("origin"), h.get("host"), h.get("x-forwarded-proto") ?? "http")) return true;
  await auditRefusal(actor, action, "bad-origin");
  return false;
}

// Ids and categories only: no personal data in the audit log.
async function auditRefusal(actor: Actor | null, action: string, why: string) {
  try {
    const db = await getDb();
    await db.$transaction((tx) => appendAudit(tx, { actor, action: "action.refused", detail: { action, why }, at: systemClock.now() }));
  } catch (error) {
    log.error("could not audit a refused action", { action, error });
  }
}

function messageKey(error: unknown, action: string): string {
  if (error instanceof AppError) {
    // Forbidden answers exactly like not-found, so existence never leaks.
    return { NOT_FOUND: "notFound", FORBIDDEN: "notFound", CONFLICT: "conflict", INVALID: "invalid", UNAUTHENTICATED: "unauthenticated" }[error.code];
  }
  log.error("action failed", { action, error });
  return "unexpected";
}

// Schemas carry message keys like "auth:signIn.usernameRequired"; translate them here.
function fieldErrors(error: z.ZodError): Promise<Record<string, string>> {
  return translated(error.issues.map((issue) => ({ path: String(issue.path[0] ?? "_"), message: issue.message })));
}

const isKeyed = (p: FieldProblem) => /^[a-z]+:[\w.]+$/.test(p.message);

async function translated(problems: FieldProblem[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const problem of problems) {
    if (out[problem.path]) continue;
    const [ns, key] = isKeyed(problem) ? problem.message.split(":") : ["errors", "invalid"];
    out[problem.path] = (await getT(ns as "errors"))(key);
  }
  return out;
}

function formValues(formData: FormData, lists: string[] = []): Record<string, unknown> {
  const values: Record<string, unknown> = Object.fromEntries(formData);
  for (const name of lists) values[name] = formData.getAll(name).map(String);
  return values;
}

// A list (checkboxes of one name) is kept as its values joined with commas.
function keptValues(formData: FormData, keep: string[] = [], lists: string[] = []): Record<string, string> {
  return Object.fromEntries(keep.map((k) => [k, lists.includes(k) ? formData.getAll(k).map(String).join(",") : String(formData.get(k) ?? "")]));
}
