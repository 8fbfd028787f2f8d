import { BlockList, isIPv4, isIPv6 } from "node:net";

// Which client a request comes from, for sign-in throttling. The HTTP server resolves it once
// (resolveClientAddress, trusting X-Forwarded-For only from TRUSTED_PROXIES) and hands it to the
// app in CLIENT_ADDRESS_HEADER, overwriting whatever a client sent; the app reads it back with
// clientAddressFrom. Pure functions: no environment, no I/O.

export const CLIENT_ADDRESS_HEADER = "x-rt-client-address";
export const UNKNOWN_CLIENT = "unknown";

/**
 * An address in one canonical form, or null if it is not one: IPv4 dotted, IPv4-mapped IPv6 as
 * IPv4, other IPv6 lower-case and compressed. Accepts the shapes proxies write: "[v6]:port",
 * "v4:port", a zone id ("fe80::1%eth0").
 */
export function normalizeAddress(raw: string): string | null {
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%[\w.-]+$/, "");
  if (isIPv4(text)) return text;
  if (!isIPv6(text)) return null;
  const canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
}

/** "10.0.0.0/8", "2001:db8::/32" or a single address. */
export function isAddressOrRange(entry: string): boolean {
  return parseRange(entry) !== null;
}

function parseRange(entry: string): { address: string; prefix: number; family: "ipv4" | "ipv6" } | null {
  const [rawAddress, rawPrefix, ...rest] = entry.trim().split("/");
  const address = normalizeAddress(rawAddress ?? "");
  if (!address || rest.length > 0) return null;
  const family = isIPv4(address) ? "ipv4" : "ipv6";
  const max = family === "ipv4" ? 32 : 128;
  if (rawPrefix === undefined) return { address, prefix: max, family };
  if (!/^\d{1,3}$/.test(rawPrefix) || Number(rawPrefix) > max) return null;
  return { address, prefix: Number(rawPrefix), family };
}

// Compiled once per list (the server passes the same array on every request).
const compiled = new WeakMap<readonly string[], BlockList>();

function trustList(trustedProxies: readonly string[]): BlockList {
  let list = compiled.get(trustedProxies);
  if (list) return list;
  list = new BlockList();
  for (const entry of trustedProxies) {
    const range = parseRange(entry);
    if (!range) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    list.addSubnet(range.address, range.prefix, range.family);
  }
  compiled.set(trustedProxies, list);
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIPv4(address) ? "ipv4" : "ipv6");
}

/**
 * The client's address: the connection's peer, unless that peer is a trusted proxy, in which
 * case the X-Forwarded-For chain is walked from the right (the hop nearest us) and the first
 * address that is not a trusted proxy is the client. Everything left of it was written by the
 * client itself and is ignored. A malformed hop ends the walk at the last good address (the
 * proxy that passed it on), so a forged header can never choose the answer.
 */
export function resolveClientAddress(input: {
  remoteAddress: string | undefined | null;
  forwardedFor?: string | readonly string[] | null;
  trustedProxies: readonly string[];
}): string {
  const peer = input.remoteAddress ? normalizeAddress(input.remoteAddress) : null;
  if (!peer) return UNKNOWN_CLIENT;
  const list = trustList(input.trustedProxies);
  const header = Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : ((input.forwardedFor as string | null | undefined) ?? "");
  const hops = header.split(",").map((h) => h.trim()).filter(Boolean);
  let client = peer;
  while (isTrusted(list, client) && hops.length > 0) {
    const next = normalizeAddress(hops.pop()!);
    if (!next) break;
    client = next;
  }
  return client;
}

type HeaderSource = Headers | { get(name: string): string | null } | Record<string, string | string[] | undefined>;

/** The address the server put in CLIENT_ADDRESS_HEADER, or "unknown" when absent or malformed. */
export function clientAddressFrom(headers: HeaderSource): string {
  const value =
    typeof (headers as Headers).get === "function"
      ? (headers as Headers).get(CLIENT_ADDRESS_HEADER)
      : (headers as Record<string, string | string[] | undefined>)[CLIENT_ADDRESS_HEADER];
  const raw = Array.isArray(value) ? value[0] : value;
  return (raw && normalizeAddress(raw)) || UNKNOWN_CLIENT;
}

/**
 * The part of an address that identifies one client for throttling: an IPv4 address, or an
 * IPv6 /64 (one subscriber usually holds a whole /64, and could otherwise rotate through it to
 * dodge a per-client limit).
 */
export function clientNetwork(address: string): string {
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head, tail] = address.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((g) => g.padStart(4, "0"));
}
