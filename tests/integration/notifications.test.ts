import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fixedClock, HOUR, MINUTE } from "../../lib/clock.ts";
import { connect } from "../../lib/db/connect.ts";
import type { Db } from "../../lib/db/connect.ts";
import { Invalid } from "../../lib/errors/index.ts";
import {
  createMailTransport,
  enqueueNotification,
  MAX_ATTEMPTS,
  sendDueNotifications,
  startNotificationSender,
  type MailTransport,
  type NotificationKind,
} from "../../lib/notifications/index.ts";
import enEmail from "../../locales/en/email.json";
import urEmail from "../../locales/ur/email.json";
import { makeAccount, uniq } from "../helpers/account-fixtures.ts";
import { createTestDb, databaseKinds, withClient, type TestDb } from "../helpers/db.ts";
import { closedPort, startSmtpServer, type ReceivedEmail, type TestSmtpServer } from "../helpers/smtp.ts";

// The outbox with a real SMTP server (smtp-server on a loopback port): what is committed is sent
// once, what is rolled back never, a server that is down is tried again later, and the email says
// only that there is something new, with a link.

const BASE_URL = "https://portal.council.example";
const START = "2026-06-01T09:00:00Z";
// Headers nodemailer writes for a plain-text email; anything else would be something we added.
const ALLOWED_HEADERS = ["content-type", "from", "to", "subject", "message-id", "content-transfer-encoding", "date", "mime-version"];

describe.each(databaseKinds())("notification outbox on %s", (kind) => {
  let test: TestDb;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  const db = (): Db => test.prisma;

  beforeAll(async () => {
    test = await createTestDb(kind);
    smtp = await startSmtpServer();
    transport = createMailTransport(smtp.url);
  });
  afterAll(async () => {
    transport?.close?.();
    await smtp?.close();
    await test?.drop();
  });
  // Each test starts from an empty outbox, so one test's due messages are not another's.
  beforeEach(async () => {
    await db().outboxMessage.deleteMany();
    smtp.received.length = 0;
  });
  afterEach(() => vi.restoreAllMocks());

  async function staff(options: { email?: string | null; locale?: string } = {}) {
    const email = options.email === null ? undefined : (options.email ?? `${uniq("worker")}@council.example`);
    const made = await makeAccount(db(), fixedClock(START), { role: "caseworker", team: "North", email });
    if (options.locale) await db().user.update({ where: { id: made.actor.userId }, data: { locale: options.locale } });
    return { id: made.actor.userId, email: email ?? null, username: made.username, displayName: made.actor.displayName };
  }

  function enqueue(recipientId: string, now: Date, link = "/inbox", kind: NotificationKind = "contribution-received") {
    return db().$transaction((tx) => enqueueNotification(tx, { recipientId, kind, link, now }));
  }

  function send(clock: { now(): Date }, via: MailTransport = transport, target: Db = db()) {
    return sendDueNotifications({ db: target, clock, transport: via, baseUrl: BASE_URL });
  }

  const row = (id: string) => db().outboxMessage.findUniqueOrThrow({ where: { id } });

  function expectOnlyTheNews(mail: ReceivedEmail, strings: typeof enEmail, what: string, link: string) {
    expect(mail.text.trimEnd().split("\n")).toEqual([what, "", strings.open, `${BASE_URL}${link}`, "", strings.privacy, strings.automatic]);
    expect(mail.headers.get("content-type")).toMatch(/^text\/plain; charset=utf-8$/i);
    expect([...mail.headers.keys()].filter((h) => !ALLOWED_HEADERS.includes(h))).toEqual([]);
  }

  it("sends a committed notification exactly once, to the address, in the recipient's language", async () => {
    const clock = fixedClock(START);
    const urdu = await staff({ locale: "ur" });
    const english = await staff();
    const forUrdu = await enqueue(urdu.id, clock.now());
    const forEnglish = await enqueue(english.id, clock.now(), "/inbox", "correction-received");

    expect(await send(clock)).toEqual({ claimed: 2, sent: 2, skipped: 0, retrying: 0, failed: 0 });
    // Later rounds, even much later, find nothing more to send.
    expect((await send(clock)).claimed).toBe(0);
    clock.advance(2 * HOUR);
    expect((await send(clock)).claimed).toBe(0);

    expect(smtp.received).toHaveLength(2);
    const toUrdu = smtp.received.find((m) => m.envelopeTo[0] === urdu.email)!;
    const toEnglish = smtp.received.find((m) => m.envelopeTo[0] === english.email)!;
    expect(toUrdu.envelopeTo).toEqual([urdu.email]);
    // The bare address: no display name in the header either.
    expect(toUrdu.headers.get("to")).toBe(urdu.email);
    expect(toUrdu.subject).toBe(urEmail.subject);
    expectOnlyTheNews(toUrdu, urEmail, urEmail.what["contribution-received"], "/inbox");
    expect(toEnglish.subject).toBe(enEmail.subject);
    expectOnlyTheNews(toEnglish, enEmail, enEmail.what["correction-received"], "/inbox");
    for (const [mail, person] of [[toUrdu, urdu], [toEnglish, english]] as const) {
      const all = [...mail.headers.values(), mail.subject, mail.text].join("\n");
      expect(all).not.toContain(person.username);
      expect(all).not.toContain(person.displayName);
    }
    expect(toEnglish.envelopeFrom).toBe("no-reply@localhost");

    expect(await row(forUrdu.id)).toMatchObject({ sentAt: new Date(START), attempts: 1, lastError: null, failedAt: null, skippedAt: null });
    expect((await row(forEnglish.id)).sentAt).toEqual(new Date(START));
  });

  it("sends nothing for a transaction that was rolled back", async () => {
    const clock = fixedClock(START);
    const worker = await staff();
    await expect(
      db().$transaction(async (tx) => {
        await enqueueNotification(tx, { recipientId: worker.id, kind: "contribution-received", link: "/inbox", now: clock.now() });
        throw new Error("the contribution could not be saved");
      }),
    ).rejects.toThrow("the contribution could not be saved");
    expect(await db().outboxMessage.count()).toBe(0);
    expect((await send(clock)).claimed).toBe(0);
    expect(smtp.received).toEqual([]);
  });

  it("tries again later while the mail server is down, and sends once it is back", async () => {
    const clock = fixedClock(START);
    const worker = await staff();
    const port = await closedPort();
    const later = createMailTransport(`smtp://127.0.0.1:${port}`);
    const { id } = await enqueue(worker.id, clock.now());

    expect(await send(clock, later)).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });
    const first = await row(id);
    expect(first).toMatchObject({ attempts: 1, nextAttemptAt: new Date(clock.now().getTime() + MINUTE), sentAt: null, failedAt: null });
    expect(first.lastError).toMatch(/^E[A-Z]+$/);
    // Not due yet: nothing is claimed, nothing counted.
    clock.advance(MINUTE - 1000);
    expect((await send(clock, later)).claimed).toBe(0);
    clock.advance(1000);
    expect(await send(clock, later)).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await row(id)).toMatchObject({ attempts: 2, nextAttemptAt: new Date(clock.now().getTime() + 2 * MINUTE) });

    const server = await startSmtpServer(port);
    try {
      clock.advance(2 * MINUTE);
      expect(await send(clock, later)).toMatchObject({ claimed: 1, sent: 1 });
      expect(server.received).toHaveLength(1);
      expect(server.received[0].envelopeTo).toEqual([worker.email]);
      expect(await row(id)).toMatchObject({ attempts: 3, sentAt: clock.now(), lastError: null });
      clock.advance(HOUR);
      expect((await send(clock, later)).claimed).toBe(0);
      expect(server.received).toHaveLength(1);
    } finally {
      later.close?.();
      await server.close();
    }
  });

  it("waits longer after each failure, up to an hour, and gives up after the last try with a log line that names no one", async () => {
    const clock = fixedClock(START);
    const worker = await staff();
    const down = createMailTransport(`smtp://127.0.0.1:${await closedPort()}`);
    const { id } = await enqueue(worker.id, clock.now());
    const waits: number[] = [];
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await send(clock, down)).toMatchObject({ claimed: 1, retrying: 1 });
      const next = (await row(id)).nextAttemptAt;
      waits.push((next.getTime() - clock.now().getTime()) / MINUTE);
      clock.set(next);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);

    const logged: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      logged.push(String(chunk));
      return true;
    });
    expect(await send(clock, down)).toMatchObject({ claimed: 1, failed: 1 });
    vi.restoreAllMocks();
    expect(await row(id)).toMatchObject({ attempts: MAX_ATTEMPTS, failedAt: clock.now(), sentAt: null });
    const line = logged.find((l) => l.includes("notification given up"));
    expect(line).toContain(id);
    expect(line).not.toContain(worker.email!);
    expect(line).not.toContain(worker.username);

    clock.advance(24 * HOUR);
    expect((await send(clock, down)).claimed).toBe(0);
    down.close?.();
  });

  it("skips for good a recipient with no address, or whose account is disabled", async () => {
    const clock = fixedClock(START);
    const noAddress = await staff({ email: null });
    const disabled = await staff();
    await db().user.update({ where: { id: disabled.id }, data: { disabledAt: clock.now() } });
    const a = await enqueue(noAddress.id, clock.now());
    const b = await enqueue(disabled.id, clock.now());

    expect(await send(clock)).toMatchObject({ claimed: 2, skipped: 2, sent: 0 });
    expect(await row(a.id)).toMatchObject({ skippedAt: clock.now(), lastError: "no email address", sentAt: null, failedAt: null });
    expect(await row(b.id)).toMatchObject({ skippedAt: clock.now(), lastError: "account disabled" });
    clock.advance(24 * HOUR);
    expect((await send(clock)).claimed).toBe(0);
    expect(smtp.received).toEqual([]);
  });

  it("sends one email for several messages of the same kind and link to one person", async () => {
    const clock = fixedClock(START);
    const worker = await staff();
    const messages = [await enqueue(worker.id, clock.now()), await enqueue(worker.id, clock.now()), await enqueue(worker.id, clock.now(), "/requests")];
    expect(await send(clock)).toMatchObject({ claimed: 3, sent: 3 });
    expect(smtp.received.map((m) => m.text.split("\n")[3]).sort()).toEqual([`${BASE_URL}/inbox`, `${BASE_URL}/requests`]);
    for (const m of messages) expect((await row(m.id)).sentAt).toEqual(clock.now());
  });

  it("two senders running at once send each message once", async () => {
    const clock = fixedClock(START);
    const worker = await staff();
    const links = Array.from({ length: 30 }, (_, i) => `/contributions/${crypto.randomUUID()}?n=${i}`);
    for (const link of links) await enqueue(worker.id, clock.now(), link);
    // A second app node: its own connection (PostgreSQL); PGlite has only the one.
    const other = kind === "postgres" ? await connect({ kind: "postgres", url: (test.target as { url: string }).url }) : null;
    // Each send takes a moment, so the two senders' rounds overlap.
    const slow: MailTransport = {
      sendMail: async (message) => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        return transport.sendMail(message);
      },
    };
    const drain = async (target: Db) => {
      let sent = 0;
      for (;;) {
        const report = await sendDueNotifications({ db: target, clock, transport: slow, baseUrl: BASE_URL, batch: 4 });
        if (!report.claimed) return sent;
        sent += report.sent;
      }
    };
    try {
      const [one, two] = await Promise.all([drain(db()), drain(other?.prisma ?? db())]);
      expect(one + two).toBe(30);
      if (other) expect(one > 0 && two > 0).toBe(true);
    } finally {
      await other?.close();
    }
    const seen = smtp.received.map((m) => m.text.split("\n")[3]);
    expect(seen).toHaveLength(30);
    expect(new Set(seen)).toEqual(new Set(links.map((l) => `${BASE_URL}${l}`)));
    expect(await db().outboxMessage.count({ where: { sentAt: null } })).toBe(0);
    expect(await db().outboxMessage.count({ where: { attempts: { not: 1 } } })).toBe(0);
  });

  // Only PostgreSQL has a second connection to hold a claim open while a sender runs.
  if (kind === "postgres") {
    it("a sender passes over the messages another sender is claiming at that moment, without waiting for it", async () => {
      const clock = fixedClock(START);
      const worker = await staff();
      for (let i = 0; i < 8; i++) await enqueue(worker.id, clock.now(), `/inbox?n=${i}`);
      await withClient((test.target as { url: string }).url, async (otherNode) => {
        await otherNode.query("BEGIN");
        try {
          const held = await otherNode.query<{ id: string }>(`SELECT "id" FROM "OutboxMessage" ORDER BY "nextAttemptAt", "id" LIMIT 4 FOR UPDATE`);
          const heldIds = held.rows.map((r) => r.id);
          let timer: NodeJS.Timeout | undefined;
          const waited = new Promise<never>((_, reject) => {
            // A sender that waited would wait until the ROLLBACK below, i.e. for ever: any ceiling tells,
            // and a long one is not mistaken for slow sending on a loaded machine.
            timer = setTimeout(() => reject(new Error("the sender waited for the other's claim")), 60_000);
          });
          const report = await Promise.race([sendDueNotifications({ db: db(), clock, transport, baseUrl: BASE_URL, batch: 4 }), waited]).finally(() => clearTimeout(timer));
          expect(report).toMatchObject({ claimed: 4, sent: 4 });
          const sent = await db().outboxMessage.findMany({ where: { sentAt: { not: null } }, select: { id: true } });
          expect(sent.map((m) => m.id).filter((id) => heldIds.includes(id))).toEqual([]);
          expect(sent).toHaveLength(4);
        } finally {
          await otherNode.query("ROLLBACK");
        }
      });
      expect(smtp.received).toHaveLength(4);
    });
  }

  it("refuses a link that is not a plain path on the portal, or an unknown kind, and writes nothing", async () => {
    const clock = fixedClock(START);
    const worker = await staff();
    const bad = ["https://elsewhere.example/inbox", "//elsewhere.example/inbox", "inbox", "/inbox/jo@council.example", "/child/Amira Khan", "/a%20b", `/${"x".repeat(400)}`];
    for (const link of bad) {
      await expect(enqueue(worker.id, clock.now(), link), link).rejects.toBeInstanceOf(Invalid);
    }
    await expect(enqueue(worker.id, clock.now(), "/inbox", "secret-news" as NotificationKind)).rejects.toBeInstanceOf(Invalid);
    expect(await db().outboxMessage.count()).toBe(0);
  });

  it("the running sender sends what is committed while it runs, and stops cleanly", async () => {
    const clock = fixedClock(START);
    const worker = await staff();
    await enqueue(worker.id, clock.now());
    const stop = startNotificationSender({ db: db(), clock, smtpUrl: smtp.url, baseUrl: BASE_URL, intervalMs: 20 });
    try {
      await until(() => smtp.received.length === 1);
      await enqueue(worker.id, clock.now(), "/requests");
      await until(() => smtp.received.length === 2);
    } finally {
      await stop();
    }
    // Stopped: nothing more goes out.
    await enqueue(worker.id, clock.now(), "/later");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.received).toHaveLength(2);
    expect(await db().outboxMessage.count({ where: { sentAt: null } })).toBe(1);
  });

  it("the running sender never starts a round before the last has finished", async () => {
    const clock = fixedClock(START);
    const worker = await staff();
    for (let i = 0; i < 6; i++) await enqueue(worker.id, clock.now(), `/inbox?n=${i}`);
    let inFlight = 0;
    let most = 0;
    // Sends slower than the interval: overlapping rounds would send two at once.
    const slow: MailTransport = {
      sendMail: async (message) => {
        most = Math.max(most, ++inFlight);
        try {
          await new Promise((resolve) => setTimeout(resolve, 30));
          return await transport.sendMail(message);
        } finally {
          inFlight--;
        }
      },
    };
    const stop = startNotificationSender({ db: db(), clock, smtpUrl: smtp.url, baseUrl: BASE_URL, intervalMs: 1, batch: 1, transport: slow });
    try {
      await until(() => smtp.received.length === 6);
    } finally {
      await stop();
    }
    expect(most).toBe(1);
    expect(await db().outboxMessage.count({ where: { attempts: { not: 1 } } })).toBe(0);
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
