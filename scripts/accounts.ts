// Account administration from the command line. Passwords are read from standard input only,
// never from arguments (which end up in shell history and the process list).
import { parseArgs } from "node:util";
import readline from "node:readline";
import type { SystemActor } from "../lib/access/actor.ts";
import { allocateCaseworker, createAccount, disableAccount, isRole, registerAdvocate, ROLES } from "../lib/accounts/index.ts";
import { systemClock } from "../lib/clock.ts";
import { AppError } from "../lib/errors/index.ts";
import { assertLinksFit, assertPasswordFits, parseEmail, parseUsername } from "../lib/accounts/account-rules.ts";

const USAGE = `Usage:
  npm run accounts:create -- --username U --role ROLE [--child EXTERNAL_ID] [--person EXTERNAL_ID]
                             [--team NAME] [--name "Display Name"] [--email ADDRESS] --password-stdin
  npm run accounts:allocate -- --username U --child EXTERNAL_ID
  npm run accounts:disable -- --username U
  npm run accounts:register-advocate -- --username U --organisation "Organisation"
Roles: ${ROLES.join(", ")}`;

const text = { type: "string" } as const;
const COMMANDS = {
  create: { username: text, role: text, child: text, person: text, team: text, name: text, email: text, "password-stdin": { type: "boolean" } },
  allocate: { username: text, child: text },
  disable: { username: text },
  "register-advocate": { username: text, organisation: text },
} as const;
type Command = keyof typeof COMMANDS;

const actor: SystemActor = { userId: null, role: "system", displayName: "accounts command" };

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || !(command in COMMANDS)) throw new UsageError(command ? `Unknown command "${command}"` : "No command given");
  const values = parseOptions(command as Command, rest);
  const username = required(values.username, "--username");
  // Everything the arguments alone can tell is checked before the password is read or the
  // database opened, so a typo fails fast and touches nothing.
  const role = command === "create" ? required(values.role, "--role") : "";
  if (command === "create" && !isRole(role)) throw new UsageError(`Unknown role "${role}"`);
  const childExternalId = command === "allocate" ? required(values.child, "--child") : "";
  const organisation = command === "register-advocate" ? required(values.organisation, "--organisation") : "";
  const password = command === "create" ? await readCreatePassword(values) : "";
  if (command === "create" && isRole(role)) {
    // The same rules createAccount applies; checked here too so a mistake does not open the database.
    parseUsername(username);
    if (values.email !== undefined) parseEmail(values.email);
    assertPasswordFits(role, password);
    assertLinksFit(role, { childExternalId: values.child, personExternalId: values.person, team: values.team });
  }
  const conn = await openDatabase();
  try {
    const common = { db: conn.prisma, clock: systemClock, actor, username };
    if (command === "create" && isRole(role)) {
      const links = { childExternalId: values.child, personExternalId: values.person, team: values.team };
      const made = await createAccount({ ...common, role, password, displayName: values.name, email: values.email, ...links });
      console.log(`Created ${made.role} account "${made.username}" with ${made.grantCount} grant(s).`);
    } else if (command === "allocate") {
      const result = await allocateCaseworker({ ...common, childExternalId });
      console.log(result.created ? `Allocated "${username}" to ${childExternalId}.` : `"${username}" was already allocated to ${childExternalId}.`);
    } else if (command === "register-advocate") {
      await registerAdvocate({ ...common, organisation });
      console.log(`Registered "${username}" as an advocate children can choose.`);
    } else {
      const result = await disableAccount(common);
      console.log(
        result.changed ? `Disabled "${username}"; ended ${result.sessionsEnded} session(s).` : `"${username}" was already disabled.`,
      );
    }
    return 0;
  } finally {
    await conn.close();
  }
}

class ExpectedError extends Error {}

// Opens and migrates the configured database. Imported here so a bad environment is reported as
// one line, like any other error; so is a database that cannot be opened (e.g. the PGlite folder
// in use by a running portal).
async function openDatabase() {
  const { getConnection } = await import("../lib/db/index.ts");
  try {
    const conn = await getConnection();
    await conn.migrate();
    return conn;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ExpectedError(`cannot open the database: ${message}`);
  }
}

type Values = Partial<Record<"username" | "role" | "child" | "person" | "team" | "name" | "email" | "organisation", string>> & {
  "password-stdin"?: boolean;
};

function parseOptions(command: Command, args: string[]): Values {
  try {
    return parseArgs({ args, options: COMMANDS[command], strict: true, allowPositionals: false }).values as Values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}

async function readCreatePassword(values: Values): Promise<string> {
  if (!values["password-stdin"]) {
    throw new UsageError("--password-stdin is required: pipe the password in (it is never taken as an argument)");
  }
  return readFirstLine();
}

// The first line of standard input, without its line ending.
async function readFirstLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Password (shown as you type), then Enter: ");
  const lines = readline.createInterface({ input: process.stdin, terminal: false });
  let first = "";
  for await (const line of lines) {
    first = line;
    break;
  }
  lines.close();
  process.stdin.destroy();
  return first.replace(/\r$/, "");
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`accounts: ${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else if (
    error instanceof AppError ||
    error instanceof ExpectedError ||
    (error instanceof Error && error.message.startsWith("Invalid environment"))
  ) {
    // Expected failures: one clear line, no stack trace.
    console.error(`accounts: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error("accounts: unexpected error:", error);
    process.exitCode = 1;
  }
}
