import { describe, expect, it } from "vitest";
import { formatSessionToken, parseSessionToken } from "./sessions.ts";
import { constantTimeEqual, randomToken, sha256 } from "./tokens.ts";

describe("tokens", () => {
  it("are random base32 with the expected entropy", () => {
    const a = randomToken(15);
    const b = randomToken(15);
    expect(a).toMatch(/^[a-z2-9]{24}$/);
    expect(a).not.toBe(b);
    expect(randomToken(20)).toHaveLength(32);
  });

  it("hash with SHA-256 and compare in constant time", () => {
    expect(Buffer.from(sha256("abc")).toString("hex")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(constantTimeEqual(sha256("x"), sha256("x"))).toBe(true);
    expect(constantTimeEqual(sha256("x"), sha256("y"))).toBe(false);
    expect(constantTimeEqual(sha256("x"), new Uint8Array(3))).toBe(false);
  });

  it("parse only well-formed session tokens", () => {
    const token = {
      tenantId: "00000000-0000-4000-8000-000000000001",
      sessionId: randomToken(15),
      secret: randomToken(20),
    };
    expect(parseSessionToken(formatSessionToken(token))).toEqual(token);
    for (const bad of [
      "",
      "a.b",
      `${token.tenantId}.${token.sessionId}`,
      `x.${token.sessionId}.${token.secret}`,
      `${formatSessionToken(token)}.extra`,
      `${token.tenantId}.${token.sessionId}.UPPER${token.secret}`,
    ]) {
      expect(parseSessionToken(bad)).toBeNull();
    }
    expect(parseSessionToken(null)).toBeNull();
  });
});
