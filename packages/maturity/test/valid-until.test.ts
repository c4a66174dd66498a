// Evidence with an end of its own (a Beschluss revoked, a process review due): it counts from its date until that
// day (exclusive) or until the criterion's validity ends, whichever comes first (docs/adr/0015-it-governance.md).
import { describe, expect, it } from "vitest";
import { assess, historyAt, type MeasureInput } from "../src/index.ts";
import { testModel } from "./support/fixtures.ts";

const model = testModel();
const evidence = (id: string, on: string, until: string | null, ...keys: string[]): MeasureInput => ({
  id,
  status: "completed",
  completedOn: on,
  plannedEnd: null,
  criterionKeys: keys,
  validUntil: until,
});
const criterion = (at: string, key: string, facts: MeasureInput[]) =>
  assess(model, facts, at)
    .dimensions.flatMap((d) => d.levels.flatMap((l) => l.criteria))
    .find((c) => c.key === key)!;

describe("evidence with its own end", () => {
  it("counts up to the day before its end and not on it", () => {
    const facts = [evidence("beschluss", "2024-01-10", "2024-06-01", "b1")];
    expect(criterion("2024-01-09", "b1", facts).fulfilled).toBe(false);
    expect(criterion("2024-01-10", "b1", facts)).toMatchObject({ fulfilled: true, expiresOn: "2024-06-01" });
    expect(criterion("2024-05-31", "b1", facts).fulfilled).toBe(true);
    expect(criterion("2024-06-01", "b1", facts)).toMatchObject({ fulfilled: false, expiredOn: "2024-06-01" });
  });

  it("ends with the criterion's validity when that comes first", () => {
    // b2 is valid 12 months: a review due in two years still ends after one.
    const facts = [evidence("review", "2024-03-01", "2026-03-01", "b2")];
    expect(criterion("2024-03-01", "b2", facts).expiresOn).toBe("2025-03-01");
    // …and a review due earlier ends earlier.
    expect(criterion("2024-03-01", "b2", [evidence("r", "2024-03-01", "2024-09-01", "b2")]).expiresOn).toBe(
      "2024-09-01",
    );
  });

  it("never counts when it ended the day it began, and a null end is no end", () => {
    expect(criterion("2024-01-10", "b1", [evidence("x", "2024-01-10", "2024-01-10", "b1")]).fulfilled).toBe(
      false,
    );
    expect(criterion("2030-01-01", "b1", [evidence("y", "2024-01-10", null, "b1")]).fulfilled).toBe(true);
  });

  it("follows the end in the history: the level drops on the day and returns with the next review", () => {
    const facts = [
      evidence("r1", "2024-01-01", "2024-07-01", "b1"),
      evidence("r2", "2024-09-01", "2025-09-01", "b1"),
    ];
    const levels = historyAt(model, facts, ["2024-06-30", "2024-07-01", "2024-08-31", "2024-09-01"]).map(
      (p) => p.dimensions.find((d) => d.key === "b")!.level,
    );
    expect(levels).toEqual([1, 0, 0, 1]);
  });

  it("refuses an end that is no date", () => {
    expect(() => assess(model, [evidence("z", "2024-01-10", "31.12.2024", "b1")], "2024-02-01")).toThrow();
  });
});
