import { describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddressFrom,
  clientNetwork,
  isAddressOrRange,
  normalizeAddress,
  resolveClientAddress,
} from "../../lib/auth/client-address.ts";

const resolve = (remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: string[]) =>
  resolveClientAddress({ remoteAddress, forwardedFor, trustedProxies });

describe("normalizeAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["203.0.113.7:51234", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::FFFF:CB00:7107", "203.0.113.7"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["::1", "::1"],
  ])("%s is %s", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it.each(["", "unknown", "_hidden", "999.1.1.1", "1.2.3", "2001:db8::1::2", "1.2.3.4\u0000", "example.org"])("refuses %j", (raw) => {
    expect(normalizeAddress(raw)).toBeNull();
  });
});

describe("resolveClientAddress", () => {
  it("with no trusted proxies, the peer is the client and X-Forwarded-For is ignored", () => {
    expect(resolve("198.51.100.9", "203.0.113.7", [])).toBe("198.51.100.9");
  });

  it("an untrusted peer cannot choose its address by sending X-Forwarded-For", () => {
    expect(resolve("198.51.100.9", "203.0.113.7", ["10.0.0.0/8"])).toBe("198.51.100.9");
  });

  it("behind one trusted proxy, the address it appended is the client", () => {
    expect(resolve("10.0.0.2", "203.0.113.7", ["10.0.0.2"])).toBe("203.0.113.7");
  });

  it("takes the right-most address that is not a trusted proxy, ignoring what the client wrote to its left", () => {
    // The client forged "1.1.1.1"; the edge proxy appended the real peer; an inner proxy appended the edge.
    expect(resolve("10.0.0.2", "1.1.1.1, 203.0.113.7, 10.1.0.5", ["10.0.0.0/8"])).toBe("203.0.113.7");
    // Several header lines are one list, in order.
    expect(resolve("10.0.0.2", ["1.1.1.1", "203.0.113.7, 10.1.0.5"], ["10.0.0.0/8"])).toBe("203.0.113.7");
  });

  it("when every hop is a trusted proxy, the left-most is the client", () => {
    expect(resolve("10.0.0.2", "10.9.9.9, 10.1.0.5", ["10.0.0.0/8"])).toBe("10.9.9.9");
  });

  it("handles IPv6 peers, IPv6 ranges and IPv4-mapped IPv6 peers", () => {
    expect(resolve("2001:db8:1::5", "2001:db8:ffff::42", ["2001:db8:1::/48"])).toBe("2001:db8:ffff::42");
    expect(resolve("::ffff:10.0.0.2", "203.0.113.7", ["10.0.0.0/8"])).toBe("203.0.113.7");
    expect(resolve("::ffff:198.51.100.9", "203.0.113.7", ["10.0.0.0/8"])).toBe("198.51.100.9");
    expect(resolve("10.0.0.2", "[2001:db8::7]:1234", ["10.0.0.2/32"])).toBe("2001:db8::7");
    expect(resolve("::1", "203.0.113.7", ["::1"])).toBe("203.0.113.7");
  });

  it("a malformed hop ends the walk at the last good address", () => {
    expect(resolve("10.0.0.2", "203.0.113.7, garbage", ["10.0.0.0/8"])).toBe("10.0.0.2");
    expect(resolve("10.0.0.2", "", ["10.0.0.0/8"])).toBe("10.0.0.2");
  });

  it("answers unknown when there is no peer address", () => {
    expect(resolve(undefined, "203.0.113.7", ["10.0.0.0/8"])).toBe("unknown");
  });

  it("refuses a trusted-proxy entry that is not an address or range", () => {
    expect(() => resolve("10.0.0.2", "203.0.113.7", ["10.0.0.0/33"])).toThrow(/TRUSTED_PROXIES/);
    expect(isAddressOrRange("10.0.0.0/8")).toBe(true);
    expect(isAddressOrRange("2001:db8::/32")).toBe(true);
    expect(isAddressOrRange("10.0.0.1")).toBe(true);
    for (const bad of ["10.0.0.0/33", "2001:db8::/129", "10.0.0.0/8/8", "proxy.local", "10.0.0.0/x"]) expect(isAddressOrRange(bad), bad).toBe(false);
  });
});

describe("clientAddressFrom", () => {
  it("reads the header the server set, from Headers or a plain object", () => {
    expect(clientAddressFrom(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddressFrom({ [CLIENT_ADDRESS_HEADER]: "::ffff:203.0.113.7" })).toBe("203.0.113.7");
  });

  it("falls back to unknown when it is absent or not an address", () => {
    expect(clientAddressFrom(new Headers())).toBe("unknown");
    expect(clientAddressFrom({})).toBe("unknown");
    expect(clientAddressFrom({ [CLIENT_ADDRESS_HEADER]: "not an address" })).toBe("unknown");
  });
});

describe("clientNetwork", () => {
  it("is the address for IPv4 and the /64 for IPv6", () => {
    expect(clientNetwork("203.0.113.7")).toBe("203.0.113.7");
    expect(clientNetwork("2001:db8:1:2:aaaa::1")).toBe("2001:0db8:0001:0002::/64");
    expect(clientNetwork("2001:db8:1:2:bbbb::9")).toBe(clientNetwork("2001:db8:1:2:aaaa::1"));
    expect(clientNetwork("2001:db8::1")).toBe("2001:0db8:0000:0000::/64");
    expect(clientNetwork("::1")).toBe("0000:0000:0000:0000::/64");
    expect(clientNetwork("unknown")).toBe("unknown");
  });
});
