"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { definePublicAction, type ActionState } from "../action/index.ts";
import { LOCALE_COOKIE, LOCALES } from "./config.ts";
import { rememberLocale } from "./remember.ts";

const schema = z.object({ locale: z.enum(LOCALES, "errors:invalid") });

const run = definePublicAction({
  name: "i18n.set-locale",
  schema,
  async run({ input, actor, db }) {
    (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", sameSite: "lax", maxAge: 31536000 });
    if (actor) await rememberLocale(db, actor.userId, input.locale);
    redirect(await samePageOrHome());
  },
});

export async function setLocaleAction(formData: FormData) {
  await run(null as ActionState, formData);
}

// Back to the page the person was on, but only a path on this site.
async function samePageOrHome(): Promise<string> {
  const referer = (await headers()).get("referer");
  if (!referer) return "/";
  try {
    const url = new URL(referer);
    return url.pathname.startsWith("/") && !url.pathname.startsWith("//") ? url.pathname + url.search : "/";
  } catch {
    return "/";
  }
}
