import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

const valid = { DATABASE_URL: "postgres://spatz_app@db/spatz", REDIS_URL: "redis://cache:6379" };

describe("configuration", () => {
  it("applies defaults", () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({
      PORT: 3000,
      SESSION_IDLE_MINUTES: 120,
      SESSION_ABSOLUTE_HOURS: 12,
      EVIDENCE_QUOTA_MB: 2048,
      cookieSecure: true,
    });
  });

  it("names every bad variable on its own line", () => {
    try {
      loadConfig({
        DATABASE_URL: "mysql://x",
        REDIS_URL: "",
        PORT: "99999",
        SESSION_IDLE_MINUTES: "1",
        EVIDENCE_QUOTA_MB: "viel",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
      expect(message).toMatch(/REDIS_URL:/);
      expect(message).toMatch(/PORT:/);
      expect(message).toMatch(/SESSION_IDLE_MINUTES:/);
      expect(message).toMatch(/EVIDENCE_QUOTA_MB:/);
    }
  });

  it("allows turning the Secure cookie flag off explicitly only", () => {
    expect(loadConfig({ ...valid, COOKIE_SECURE: "false" }).cookieSecure).toBe(false);
  });
});
