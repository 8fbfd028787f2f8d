// How long someone must wait before trying to sign in again, in the unit the message uses:
// seconds under a minute, otherwise whole minutes, always rounded up (never "0 minutes").
export type RetryWait = { key: "signIn.throttledSeconds" | "signIn.throttledMinutes"; count: number };

export function retryWait(retryAt: Date, now: Date): RetryWait {
  const ms = Math.max(1000, retryAt.getTime() - now.getTime());
  if (ms < 60_000) return { key: "signIn.throttledSeconds", count: Math.ceil(ms / 1000) };
  return { key: "signIn.throttledMinutes", count: Math.ceil(ms / 60_000) };
}
