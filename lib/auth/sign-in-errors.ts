// The only error codes that may reach the sign-in page's address (`/signin?error=…`), and what
// each one says. next-auth sends its own codes, and a thrown error's message, through that
// address: anything not listed here is shown as the generic sign-in error and never echoed.
export const SIGN_IN_ERROR = "SignInError";
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";
const WRONG_CREDENTIALS = "CredentialsSignin";

export type SignInErrorCode = typeof SIGN_IN_ERROR | typeof TOO_MANY_ATTEMPTS | typeof WRONG_CREDENTIALS;

export function safeSignInError(raw: unknown): SignInErrorCode {
  return raw === WRONG_CREDENTIALS || raw === TOO_MANY_ATTEMPTS ? raw : SIGN_IN_ERROR;
}

/** The auth-namespace message for an error code from the address. */
export function signInErrorMessageKey(code: SignInErrorCode) {
  return { CredentialsSignin: "signIn.failed", TooManyAttempts: "signIn.throttledLater", SignInError: "signIn.error" }[code];
}
