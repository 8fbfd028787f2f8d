import "server-only";
import { maySendContribution, readableEntryWhere, type Actor } from "../access/index.ts";
import { systemClock } from "../clock.ts";
import { getDb } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { withRecord, type RecordCtx } from "../records/loaders.ts";
import { configuredFileStore } from "../files/index.ts";
import { findInbox, type InboxFilter } from "./inbox.ts";
import { findContribution, findContributionFile, findContributionsOnRecord, findSentThings } from "./queries.ts";
import { markOpened } from "./staff.ts";
import { countWaitingByCaseworker } from "./team.ts";

// Each contributions page loads through the record's own loader (lib/records withRecord): session,
// the record this person may open, the data through the access rules, the view in the access log.
// Anything not theirs is "not found".

function withContributions<T>(childId: string, load: (ctx: RecordCtx & { now: Date }) => Promise<T>) {
  return withRecord(childId, "contributions", async (ctx) => ({ maySend: maySendContribution(ctx.actor), ...(await load({ ...ctx, now: systemClock.now() })) }));
}

export function loadContributionsOnRecord(childId: string) {
  return withContributions(childId, async (ctx) => ({ items: await findContributionsOnRecord(ctx) }));
}

/** The form: a new contribution (optionally about an entry they may read), or a draft to finish. */
export function loadContributionForm(childId: string, searchParams: Record<string, string | string[] | undefined>) {
  const about = typeof searchParams.about === "string" ? searchParams.about : undefined;
  const draftId = typeof searchParams.draft === "string" ? searchParams.draft : undefined;
  return withContributions(childId, async (ctx) => {
    if (!maySendContribution(ctx.actor)) throw new AppError("NOT_FOUND", "Staff do not send contributions");
    const draft = draftId ? await findContribution({ ...ctx, contributionId: draftId }) : null;
    if (draft && (draft.status !== "draft" || !draft.fromMe)) throw new AppError("NOT_FOUND", "Not a draft of theirs");
    // A draft's entry comes through findContribution, which drops one the sender may no longer read.
    const aboutId = draft ? draft.aboutEntryId : about;
    const aboutEntry = aboutId && /^[0-9a-f-]{36}$/i.test(aboutId)
      ? await ctx.db.entry.findFirst({ where: { AND: [{ id: aboutId }, readableEntryWhere(ctx.actor, ctx.childId)] }, select: { id: true, title: true } })
      : null;
    if (aboutId && !aboutEntry) throw new AppError("NOT_FOUND", "Entry not readable");
    return { draft, aboutEntry };
  });
}

/** One contribution. A member of staff opening it marks it opened (once, audited). */
export function loadContribution(childId: string, contributionId: string) {
  return withContributions(childId, async (ctx) => {
    // Marks only what this member of staff may read; anyone else then gets "not found" below.
    await markOpened({ ...ctx, clock: systemClock, contributionId });
    // The entry it became is named only for those who may read that entry (findContribution).
    const contribution = await findContribution({ ...ctx, contributionId });
    return { contribution, entryReadable: contribution.recordEntryId !== null };
  });
}

/** The staff inbox on the home page. */
export async function loadInbox(actor: Actor, searchParams: Record<string, string | string[] | undefined>) {
  const one = (k: string) => (typeof searchParams[k] === "string" ? (searchParams[k] as string) : undefined);
  const filter = parseInboxFilter({ childId: one("child"), kind: one("kind"), status: one("status") });
  const db = await getDb();
  const now = systemClock.now();
  const [page, team] = await Promise.all([findInbox({ db, actor, filter, after: one("after"), now }), countWaitingByCaseworker({ db, actor, now })]);
  return { filter, page, team };
}

const KINDS = new Set(["view", "wish", "feeling", "proud", "other"]);
const STATUSES = new Set(["sent", "opened", "answered", "added", "withdrawn"]);

function parseInboxFilter(raw: { childId?: string; kind?: string; status?: string }): InboxFilter {
  return {
    childId: raw.childId && /^[0-9a-f-]{36}$/i.test(raw.childId) ? raw.childId : undefined,
    kind: raw.kind && KINDS.has(raw.kind) ? (raw.kind as InboxFilter["kind"]) : undefined,
    status: raw.status && STATUSES.has(raw.status) ? (raw.status as InboxFilter["status"]) : undefined,
  };
}

/** A file sent with a contribution, streamed, for someone who may read the contribution. */
export function loadContributionFile(childId: string, contributionId: string, attachmentId: string) {
  return withRecord(childId, "contributions", async ({ db, actor, childId }) => {
    const file = await findContributionFile({ db, actor, childId, contributionId, attachmentId });
    return { file, content: await configuredFileStore().open(db, file.storageKey) };
  });
}

/** The copies sent with contributions, for the "My things" page (which has already opened the record and logged the view). */
export async function loadSentThings(actor: Actor, childId: string) {
  return findSentThings({ db: await getDb(), actor, childId });
}
