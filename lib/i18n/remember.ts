import "server-only";
import type { Db } from "../db/index.ts";
import type { Locale } from "./config.ts";

/** The chosen language follows the person to other devices. */
export async function rememberLocale(db: Db, userId: string, locale: Locale) {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
