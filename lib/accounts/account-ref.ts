import { normalizeUsername } from "../auth/index.ts";

// Which account a tool means: the command line names it by username, the browser by its id.
export type AccountRef = { username: string; userId?: undefined } | { userId: string; username?: undefined };

export function accountWhere(ref: AccountRef): { username: string } | { id: string } {
  return ref.userId !== undefined ? { id: ref.userId } : { username: normalizeUsername(ref.username) };
}

/** For messages to the command line (the browser shows translated words instead). */
export function describeRef(ref: AccountRef): string {
  return ref.userId !== undefined ? "with that id" : `with the username "${normalizeUsername(ref.username)}"`;
}
