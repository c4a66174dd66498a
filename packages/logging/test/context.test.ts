import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, setLogTenant, withLogContext } from "../src/index.ts";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger("spatz-api", "info", stream) };
}

describe("log context", () => {
  it("puts the request's ids on every line written while it runs, across awaits, and nowhere else", async () => {
    const { lines, logger } = capture();
    await Promise.all(
      ["r1", "r2"].map((requestId, i) =>
        withLogContext({ requestId }, async () => {
          await new Promise((r) => setTimeout(r, 5 * (2 - i)));
          setLogTenant(`t${i + 1}`);
          await Promise.resolve();
          logger.info({ step: "query" }, "deep inside");
        }),
      ),
    );
    logger.info({}, "outside");
    await new Promise((r) => setTimeout(r, 10));
    expect(lines.map((l) => [l.msg, l.requestId, l.tenantId]).sort()).toEqual([
      ["deep inside", "r1", "t1"],
      ["deep inside", "r2", "t2"],
      ["outside", undefined, undefined],
    ]);
  });

  it("nests: a job's ids add to an outer context", () => {
    const { lines, logger } = capture();
    withLogContext({ tenantId: "t" }, () =>
      withLogContext({ jobId: "j", job: "report.generate" }, () => logger.warn({}, "x")),
    );
    expect(lines[0]).toMatchObject({
      tenantId: "t",
      jobId: "j",
      job: "report.generate",
      service: "spatz-api",
    });
  });
});
