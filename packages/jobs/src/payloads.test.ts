import { describe, expect, it } from "vitest";
import { cleanupTenantJobId, JOBS, parsePayload } from "./payloads.ts";
import { QUEUES } from "./queues.ts";
import { SCHEDULERS } from "./schedulers.ts";

describe("job definitions", () => {
  it("validate payloads and reject a missing tenant id", () => {
    const ok = parsePayload("cleanup.tenant", {
      tenantId: "00000000-0000-4000-8000-000000000001",
      hour: "2026-11-28T10",
    });
    expect(cleanupTenantJobId(ok)).toBe("cleanup.tenant:00000000-0000-4000-8000-000000000001:2026-11-28T10");
    expect(() => parsePayload("cleanup.tenant", { hour: "2026-11-28T10" })).toThrow();
    expect(() => parsePayload("cleanup.tenant", { tenantId: "x", hour: "2026-11-28T10" })).toThrow();
  });

  it("schedule only known jobs on the queue they belong to", () => {
    for (const s of SCHEDULERS) {
      expect(JOBS[s.job].queue).toBe(s.queue);
      expect(QUEUES[s.queue]).toBeDefined();
    }
    expect(new Set(SCHEDULERS.map((s) => s.id)).size).toBe(SCHEDULERS.length);
  });
});
