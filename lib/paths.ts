// Every URL the app links to, in one place. No personal data in URLs: ids only, never names.
export const paths = {
  home: () => "/",
  signIn: (reason?: "idle" | "signed-out") => (reason ? `/signin?reason=${reason}` : "/signin"),
  authApi: () => "/api/auth",
} as const;
