import net from "node:net";
import { SMTPServer } from "smtp-server";

// A real SMTP server for tests (the smtp-server package), on a loopback port, that keeps what it
// receives. Plain SMTP without authentication or STARTTLS, as a relay inside a network might be.
// Messages are decoded just enough to read them: headers, encoded-word subjects, and a
// single-part body in quoted-printable, base64 or 7bit.

export type ReceivedEmail = {
  envelopeFrom: string;
  envelopeTo: string[];
  /** Header values as sent (not decoded), by lower-case name. */
  headers: Map<string, string>;
  subject: string;
  text: string;
};

export type TestSmtpServer = { url: string; port: number; received: ReceivedEmail[]; close(): Promise<void> };

export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const received: ReceivedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const envelope = session.envelope;
        received.push({
          envelopeFrom: envelope.mailFrom ? envelope.mailFrom.address : "",
          envelopeTo: envelope.rcptTo.map((r) => r.address),
          ...parseMessage(Buffer.concat(chunks).toString("utf8")),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const bound = (server.server.address() as net.AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    port: bound,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nothing listens on (a mail server that is down): asked of the OS, let go. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function parseMessage(raw: string): Pick<ReceivedEmail, "headers" | "subject" | "text"> {
  const message = raw.replace(/\r\n/g, "\n");
  const end = message.indexOf("\n\n");
  const headers = new Map<string, string>();
  // Folded lines continue the header above.
  for (const line of message.slice(0, end).replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = message.slice(end + 2);
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const bytes = encoding === "base64" ? Buffer.from(body.replace(/\s/g, ""), "base64") : encoding === "quoted-printable" ? quotedPrintable(body.replace(/=\n/g, "")) : Buffer.from(body, "utf8");
  return { headers, subject: decodeWords(headers.get("subject") ?? ""), text: bytes.toString("utf8") };
}

function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], "utf8"));
    }
  }
  return Buffer.from(bytes);
}

// RFC 2047 encoded words ("=?UTF-8?B?…?="). Adjacent words are joined byte-wise before decoding:
// a character may be split between two of them.
const WORD = /=\?([\w-]+)\?([BQ])\?([^?]*)\?=/gi;
function decodeWords(value: string): string {
  return value.replace(/(\?=)\s+(?==\?)/g, "$1").replace(/(?:=\?[\w-]+\?[BQ]\?[^?]*\?=)+/gi, (run) =>
    Buffer.concat(
      [...run.matchAll(WORD)].map(([, , kind, data]) =>
        kind.toUpperCase() === "B" ? Buffer.from(data, "base64") : quotedPrintable(data.replace(/_/g, " ")),
      ),
    ).toString("utf8"),
  );
}
