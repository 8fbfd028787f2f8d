import type { Role } from "../db/generated/enums.ts";
import type { Db } from "../db/connect.ts";
import { fixedClock, type Clock } from "../clock.ts";
import { grantAccess, type SystemActor } from "../access/index.ts";
import { enableKnownSecondFactor, secondFactorRequired } from "../auth/index.ts";
import { createAccount } from "./create-account.ts";
import { allocateCaseworker } from "./allocate-caseworker.ts";
import { registerAdvocate } from "./register-advocate.ts";
import { DEMO_TOTP_SECRET } from "./demo-totp-secret.ts";

export { DEMO_TOTP_SECRET };

export type DemoAccount = { username: string; password: string; role: Role; description: string };

type DemoSpec = DemoAccount & {
  child?: string;
  person?: string;
  team?: string;
  allocate?: string[];
  name?: string;
  email?: string;
  registerWith?: string;
  /** An advocate the child chose (by username), on the day her record says she did. */
  chosenBy?: { child: string; at: string };
  /** Staff: false leaves the account to set up security codes at its first sign-in. */
  secondFactor?: false;
};


// Matches the people in prisma/demo/case-records.json. Passwords are public on purpose (demo
// only) and long enough for the policy, so they sign in like real accounts.
const DEMO: DemoSpec[] = [
  { username: "amira", password: "amira-demo-2026", role: "child", child: "C-1001", description: "Amira, a young person (C-1001)" },
  { username: "sana", password: "sana-demo-2026", role: "parent", person: "P-1", description: "Amira's mother" },
  { username: "imran", password: "imran-demo-2026", role: "parent", person: "P-2", description: "Amira's father, excluded from some entries" },
  { username: "fosterdad", password: "fosterdad-demo-2026", role: "carer", person: "P-20", description: "Foster carer for C-1002" },
  // Registered, then chosen by Amira on the day her record says she chose her (E-1001-11), so
  // her page says she chose her advocate and since when, as the record does.
  { username: "advocate", name: "Zainab Rashid", password: "advocate-demo-2026", role: "advocate", registerWith: "Bright Voices Advocacy", chosenBy: { child: "amira", at: "2025-07-22T16:00:00+01:00" }, description: "An advocate chosen by a young person" },
  { username: "lbrooks", name: "Leah Brooks", password: "lbrooks-demo-2026", role: "advocate", registerWith: "Young People's Rights Service", description: "A registered advocate no child has chosen yet" },
  {
    username: "jpatel",
    name: "Jasmine Patel",
    // example.org is reserved (RFC 2606): a demo run with SMTP_URL set never mails a real person.
    email: "jpatel@example.org",
    password: "caseworker-demo-2026",
    role: "caseworker",
    team: "North",
    allocate: ["C-1001", "C-1002", "C-1003"],
    description: "Caseworker in team North, allocated to C-1001, C-1002 and C-1003",
  },
  { username: "mmanager", name: "Mark Mensah", email: "mmensah@example.org", password: "manager-demo-2026", role: "manager", team: "North", description: "Manager of team North" },
  { username: "admin", name: "Portal administrator", password: "admin-demo-2026", role: "admin", description: "Administrator (no record content)" },
  // The browser tests change this account's password (and change it back): the others stay as printed.
  { username: "pwchange", name: "Pat Walsh", password: "pat-walsh-demo-2026", role: "caseworker", description: "Caseworker with no children, for trying 'Change your password'" },
  { username: "fali", name: "Farah Ali", password: "farah-ali-demo-2026", role: "translator", description: "Translator (Urdu): sees only entries waiting for a translation or a check" },
  // The browser tests set up security codes with these (each once per fresh database).
  { username: "newstaff", name: "Nia Owusu", password: "nia-owusu-demo-2026", role: "caseworker", secondFactor: false, description: "Caseworker who has not set up security codes yet" },
  { username: "newstaff2", name: "Sam Reid", password: "sam-reid-demo-2026", role: "manager", secondFactor: false, description: "Manager who has not set up security codes yet" },
  { username: "optin", name: "Jo Hart", password: "jo-hart-demo-2026", role: "advocate", description: "Advocate, for trying security codes from 'Your account'" },
];

/** Every demo account's role and public password (a test checks they still pass the password rule). */
export function demoPasswords(): { username: string; role: Role; password: string }[] {
  return DEMO.map(({ username, role, password }) => ({ username, role, password }));
}

const DEMO_ACTOR: SystemActor = { userId: null, role: "system", displayName: "Demo set-up" };

/**
 * Creates the demo accounts that do not exist yet (existing usernames are left untouched) and
 * returns every demo account's sign-in details for printing. Needs the demo records imported.
 */
export async function createDemoAccounts(input: { db: Db; clock: Clock }): Promise<DemoAccount[]> {
  const { db, clock } = input;
  for (const spec of DEMO) {
    if (await db.user.findUnique({ where: { username: spec.username }, select: { id: true } })) continue;
    await createAccount({
      db,
      clock,
      actor: DEMO_ACTOR,
      username: spec.username,
      role: spec.role,
      password: spec.password,
      childExternalId: spec.child,
      personExternalId: spec.person,
      team: spec.team,
      displayName: spec.name,
      email: spec.email,
    });
    for (const child of spec.allocate ?? []) {
      await allocateCaseworker({ db, clock, actor: DEMO_ACTOR, username: spec.username, childExternalId: child });
    }
    if (spec.registerWith) await registerAdvocate({ db, clock, actor: DEMO_ACTOR, username: spec.username, organisation: spec.registerWith });
    if (spec.chosenBy) await recordDemoChoice(db, spec.username, spec.chosenBy);
    if (secondFactorRequired(spec.role) && spec.secondFactor !== false) {
      const { id: userId } = await db.user.findUniqueOrThrow({ where: { username: spec.username }, select: { id: true } });
      await enableKnownSecondFactor({ db, clock, userId, secret: DEMO_TOTP_SECRET });
    }
  }
  return DEMO.map(({ username, password, role, description }) => ({ username, password, role, description }));
}

/** The child's own choice of an advocate, as made through "Your advocate", dated as her record dates it. */
async function recordDemoChoice(db: Db, advocate: string, chosen: { child: string; at: string }) {
  const [user, child] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { username: advocate }, select: { id: true } }),
    db.user.findUniqueOrThrow({ where: { username: chosen.child }, select: { id: true, role: true, displayName: true, childId: true } }),
  ]);
  const actor = { userId: child.id, role: child.role, displayName: child.displayName };
  await db.$transaction((tx) => grantAccess(tx, { kind: "advocate", childId: child.childId!, userId: user.id, grantedBy: actor, clock: fixedClock(chosen.at), reason: "chosen-by-child" }));
}
