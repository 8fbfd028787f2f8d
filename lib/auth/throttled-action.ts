import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { definePublicAction } from "../action/index.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/index.ts";
import { getT } from "../i18n/server.ts";
import { clientAddressFrom } from "./client-address.ts";
import { retryWait } from "./retry-message.ts";

/** How a secret checked on the sign-in throttle (lib/auth/throttle.ts) is refused. */
export type ThrottledRefusal = { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAt: Date };

type Options<S extends z.ZodType<{ username: string }>> = {
  name: string;
  schema: S;
  /** What a refusal that is not a wait says, as "namespace:key". */
  failed: `${string}:${string}`;
  /** Checks the secret from `client` (the address the HTTP server resolved); on success redirects. */
  run(ctx: { input: z.infer<S>; db: Db; clock: Clock; client: string }): Promise<ThrottledRefusal | void>;
};

/**
 * A form that checks a secret against an account before sign-in (the password, a set-up code),
 * counted on the sign-in throttle. A refusal says when to try again, never why: a wait is counted
 * the same for unknown usernames, and a wrong username and a wrong secret read alike. The
 * username is put back into the form; the secret never is.
 */
export function defineThrottledAction<S extends z.ZodType<{ username: string }>>(opts: Options<S>) {
  return definePublicAction({
    name: opts.name,
    schema: opts.schema,
    keep: ["username"],
    async run({ input, db, clock }) {
      const refused = await opts.run({ input, db, clock, client: clientAddressFrom(await headers()) });
      if (refused) return { ok: false, formError: await refusalMessage(refused, opts.failed, clock.now()), values: { username: input.username } };
    },
  });
}

async function refusalMessage(refused: ThrottledRefusal, failed: Options<z.ZodType<{ username: string }>>["failed"], now: Date): Promise<string> {
  if (refused.reason === "throttled") {
    const wait = retryWait(refused.retryAt, now);
    return (await getT("auth"))(wait.key, { count: wait.count });
  }
  const [ns, key] = failed.split(":");
  return (await getT(ns as "auth"))(key);
}
