import "server-only";
export {
  assertPasswordAllowed,
  checkPasswordPolicy,
  hashPassword,
  verifyPassword,
  minPasswordLength,
  MAX_LENGTH as MAX_PASSWORD_LENGTH,
  type PasswordProblem,
} from "./password.ts";
export { normalizeUsername, isValidUsername } from "./username.ts";
export { signIn, type SignInResult } from "./sign-in.ts";
export {
  ABSOLUTE_TIMEOUT_MS,
  endSessionIfIdle,
  IDLE_TIMEOUT_MS,
  IDLE_WARNING_MS,
  keepSessionAlive,
  resolveSession,
  startSession,
  type IdleCheck,
  type ResolvedSession,
  type SessionUser,
  type StartedSession,
} from "./sessions.ts";
export { endSession, revokeUserSessions, type SessionEndReason } from "./session-end.ts";
export { FORGET_MS as THROTTLE_FORGET_MS, THROTTLE_RULES, type ThrottleScope } from "./throttle.ts";
// For other forms that check a secret against an account (the set-up code): one throttle.
export { releaseAttempt, reserveAttempt, resetThrottle, throttleKeys, type Attempt, type ThrottleKeys } from "./throttle.ts";
export { retryWait } from "./retry-message.ts";
export {
  CLIENT_ADDRESS_HEADER,
  clientAddressFrom,
  isAddressOrRange,
  normalizeAddress,
  resolveClientAddress,
  UNKNOWN_CLIENT,
} from "./client-address.ts";
export { changePassword, type ChangePasswordInput, type ChangedPassword } from "./change-password.ts";
export { commonPasswordCount, isCommonPassword } from "./common-passwords.ts";
export {
  enableKnownSecondFactor,
  loadSecondFactorAccount,
  resetSecondFactor,
  secondFactorRequired,
  secondFactorSummary,
} from "./second-factor/index.ts";
