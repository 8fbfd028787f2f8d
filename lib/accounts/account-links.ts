import type { Prisma } from "../db/generated/client.ts";
import type { GrantKind, Role } from "../db/generated/enums.ts";
import type { Clock } from "../clock.ts";
import type { Actor, SystemActor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import { Conflict, Invalid, NotFound } from "../errors/index.ts";
import type { AccountLinks } from "./account-rules.ts";

type Tx = Prisma.TransactionClient;

// What an account hangs from, and the grants that follow from it.
export type RecordLink = {
  childId: string | null;
  personId: string | null;
  grantKind: GrantKind | null;
  grantChildIds: string[];
  defaultName: string | null;
};

const NO_LINK: RecordLink = { childId: null, personId: null, grantKind: null, grantChildIds: [], defaultName: null };
const PERSON_GRANT: Partial<Record<Role, GrantKind>> = { parent: "family", carer: "family", advocate: "advocate" };

/**
 * A child account gets the `subject` grant on its own record; a parent, carer or advocate
 * account one grant for each child its person is linked to; staff get none here.
 */
export async function resolveRecordLink(tx: Tx, role: Role, links: AccountLinks): Promise<RecordLink> {
  if (role === "child" && (links.childExternalId || links.childId)) return resolveChild(tx, ref(links.childExternalId, links.childId));
  const kind = PERSON_GRANT[role];
  if (kind && (links.personExternalId || links.personId)) return resolvePerson(tx, kind, ref(links.personExternalId, links.personId));
  return NO_LINK;
}

type Ref = { where: { externalId: string } | { id: string }; name: string };
const ref = (externalId: string | undefined, id: string | undefined): Ref =>
  externalId ? { where: { externalId }, name: `external id ${externalId}` } : { where: { id: id! }, name: "that id" };

async function resolveChild(tx: Tx, { where, name }: Ref): Promise<RecordLink> {
  const child = await tx.child.findUnique({ where, include: { account: { select: { id: true } } } });
  if (!child) throw new NotFound(`No child record with ${name}`);
  if (child.account) throw new Conflict(`The child record with ${name} already has an account`);
  // Children are greeted by the name they use: their preferred name, else their first name.
  const defaultName = child.preferredName?.trim() || child.fullName.trim().split(/\s+/)[0] || null;
  return { childId: child.id, personId: null, grantKind: "subject", grantChildIds: [child.id], defaultName };
}

// An advocate account follows the records that name its person as the child's advocate; a parent
// or carer account the records that name its person in any other way. So a mother made into an
// "advocate" account does not see what the child sees (entries kept from her by name included),
// and an advocate is not given a family grant.
async function resolvePerson(tx: Tx, kind: GrantKind, { where, name }: Ref): Promise<RecordLink> {
  const person = await tx.person.findUnique({
    where,
    include: { children: { select: { childId: true, relationship: true } } },
  });
  if (!person) throw new NotFound(`No person with ${name}`);
  if (person.children.length === 0) throw new Invalid(`The person with ${name} is not linked to any child`);
  const fitting = person.children.filter((c) => (c.relationship === "advocate") === (kind === "advocate"));
  if (fitting.length === 0) {
    throw new Invalid(
      kind === "advocate"
        ? `The person with ${name} is not named as an advocate in any child's record`
        : `The person with ${name} is named only as an advocate: make an advocate account`,
    );
  }
  const grantChildIds = fitting.map((c) => c.childId);
  return { childId: null, personId: person.id, grantKind: kind, grantChildIds, defaultName: person.fullName };
}

/** The id of the named team, creating (and auditing) it the first time it is named. */
export async function findOrCreateTeam(
  tx: Tx,
  input: { name: string; actor: Actor | SystemActor; clock: Clock },
): Promise<string> {
  const existing = await tx.team.findUnique({ where: { name: input.name }, select: { id: true } });
  if (existing) return existing.id;
  const at = input.clock.now();
  const team = await tx.team.create({ data: { name: input.name, createdAt: at } });
  await appendAudit(tx, { actor: input.actor, action: "team.create", subjectType: "team", subjectId: team.id, at });
  return team.id;
}
