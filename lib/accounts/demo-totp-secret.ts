// Demo staff accounts use security codes from an app holding this public secret (README), like
// the demo passwords: add it to an authenticator app by hand. Never used outside the demo data.
// On its own, without imports, so the browser tests can read it too.
export const DEMO_TOTP_SECRET = "RECORDTOGETHERDEMOSTAFFKEY234567";
