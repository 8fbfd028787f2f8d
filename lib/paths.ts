// Every URL the app links to, in one place. No personal data in URLs: random ids only, never names.
export type AccountDone = "password" | "recovery-code" | "codes-off";
/** What staff just did on an entry page, said at its top. */
export type EntryDone = "proposed" | "withheld" | "lifted" | "decided" | "reviewed" | "translationSent" | "translationApproved" | "translationReturned" | "translationAsked";
type ChronologyParams = { type?: string; period?: string; before?: string; after?: string };

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export const paths = {
  home: (opts: { done?: "translationSent" | "translationApproved" | "translationReturned" } = {}) => withQuery("/", opts),
  signIn: (reason?: "idle" | "signed-out") => (reason ? `/signin?reason=${reason}` : "/signin"),
  authApi: () => "/api/auth",
  // "Quick exit": ends the session, then leaves for somewhere ordinary (the weather).
  quickExit: () => "/quick-exit",
  weather: () => "https://www.bbc.co.uk/weather",
  glossary: () => "/glossary",
  // "What's new": an item opens through here, so it is marked seen on the way (lib/news).
  newsItem: (id: string) => `/news/${id}`,
  olderNews: (before: string) => withQuery("/", { news: before }) + "#whats-new",
  account: (opts: { done?: AccountDone } = {}) => withQuery("/account", opts),
  // The second factor (lib/auth/second-factor): the steps after a right password, and the codes.
  secondFactorCode: () => "/signin/code",
  secondFactorRecovery: () => "/signin/recovery-code",
  secondFactorSetUp: () => "/signin/set-up",
  recoveryCodes: () => "/account/recovery-codes",
  adminSecondFactor: (userId: string, opts: { done?: "reset" } = {}) => withQuery(`/admin/accounts/${userId}/second-factor`, opts),
  record: (childId: string, query: ChronologyParams = {}) => withQuery(`/records/${childId}`, query),
  entry: (childId: string, entryId: string, opts: { original?: boolean; problem?: boolean; done?: EntryDone } = {}) =>
    withQuery(`/records/${childId}/entries/${entryId}`, { original: opts.original ? "1" : undefined, problem: opts.problem ? "1" : undefined, done: opts.done }),
  translate: (childId: string, entryId: string, locale: string) => withQuery(`/records/${childId}/entries/${entryId}/translate`, { locale }),
  translationCheck: (childId: string, entryId: string, draftId: string) => `/records/${childId}/entries/${entryId}/translations/${draftId}`,
  withheld: (childId: string) => `/records/${childId}/withheld`,
  things: (childId: string) => `/records/${childId}/things`,
  accessLog: (childId: string, before?: string) => withQuery(`/records/${childId}/access-log`, { before }),
  download: (childId: string) => `/records/${childId}/download`,
  file: (childId: string, attachmentId: string) => `/records/${childId}/files/${attachmentId}`,
  contributions: (childId: string, opts: { saved?: boolean } = {}) => withQuery(`/records/${childId}/contributions`, { saved: opts.saved ? "1" : undefined }),
  newContribution: (childId: string, opts: { about?: string; draft?: string } = {}) => withQuery(`/records/${childId}/contributions/new`, opts),
  contribution: (childId: string, id: string, opts: { done?: "replied" | "added" | "original" | "answered"; problem?: boolean } = {}) =>
    withQuery(`/records/${childId}/contributions/${id}`, { done: opts.done, problem: opts.problem ? "1" : undefined }),
  contributionWithdraw: (childId: string, id: string) => `/records/${childId}/contributions/${id}/withdraw`,
  contributionSent: (childId: string, id: string) => `/records/${childId}/contributions/${id}/sent`,
  contributionFile: (childId: string, id: string, attachmentId: string) => `/records/${childId}/contributions/${id}/files/${attachmentId}`,
  corrections: (childId: string) => `/records/${childId}/corrections`,
  sharingLog: (childId: string, opts: { done?: "shared" | "reviewed" } = {}) => withQuery(`/records/${childId}/shared`, opts),
  newShare: (childId: string) => `/records/${childId}/shared/new`,
  consent: (childId: string, opts: { done?: string } = {}) => withQuery(`/records/${childId}/consent`, opts),
  consentConfirm: (childId: string) => `/records/${childId}/consent/confirm`,
  advocate: (childId: string, opts: { done?: string } = {}) => withQuery(`/records/${childId}/advocate`, opts),
  advocateEndConfirm: (childId: string) => `/records/${childId}/advocate/end`,
  newCorrection: (childId: string, entryId: string, part?: number) => withQuery(`/records/${childId}/corrections/new`, { entry: entryId, part: part === undefined ? undefined : String(part) }),
  correction: (childId: string, id: string, opts: { done?: string; problem?: string } = {}) => withQuery(`/records/${childId}/corrections/${id}`, opts),
  correctionSent: (childId: string, id: string) => `/records/${childId}/corrections/${id}/sent`,
  correctionFile: (childId: string, id: string, attachmentId: string) => `/records/${childId}/corrections/${id}/files/${attachmentId}`,
  // The administrator's workspace, and the page where a set-up code becomes a password.
  adminAccounts: (query: { role?: string; page?: string } = {}) => withQuery("/admin/accounts", query),
  adminAccount: (userId: string, opts: { done?: string } = {}) => withQuery(`/admin/accounts/${userId}`, opts),
  adminAccountDisable: (userId: string) => `/admin/accounts/${userId}/disable`,
  adminNewAccount: (query: { role?: string; child?: string } = {}) => withQuery("/admin/accounts/new", query),
  adminAllocations: (query: { page?: string; done?: string } = {}) => withQuery("/admin/allocations", query),
  teamAllocations: (query: { page?: string; done?: string } = {}) => withQuery("/team/allocations", query),
  adminAdvocates: (opts: { done?: string } = {}) => withQuery("/admin/advocates", opts),
  adminImports: (query: { page?: string } = {}) => withQuery("/admin/imports", query),
  adminImport: (runId: string) => `/admin/imports/${runId}`,
  setup: (opts: { done?: "1" } = {}) => withQuery("/setup", opts),
  inbox: (query: { child?: string; kind?: string; status?: string; after?: string } = {}) => withQuery("/", query),
} as const;
