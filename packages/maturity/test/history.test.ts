import { describe, expect, it } from "vitest";
import { assess, history, historyDates } from "../src/index.ts";
import { done, inProgress, planned, testModel } from "./support/fixtures.ts";

const model = testModel();

describe("historyDates", () => {
  it("lists every month start from a month start through to", () => {
    expect(historyDates({ from: "2024-01-01", to: "2024-04-01", step: "month" })).toEqual([
      "2024-01-01",
      "2024-02-01",
      "2024-03-01",
      "2024-04-01",
    ]);
  });

  it("starts at the next month start when from is mid-month and ends on to", () => {
    expect(historyDates({ from: "2023-11-15", to: "2024-02-10", step: "month" })).toEqual([
      "2023-12-01",
      "2024-01-01",
      "2024-02-01",
      "2024-02-10",
    ]);
  });

  it("gives one point for a range inside one month", () => {
    expect(historyDates({ from: "2024-05-03", to: "2024-05-20", step: "month" })).toEqual(["2024-05-20"]);
    expect(historyDates({ from: "2024-05-01", to: "2024-05-01", step: "month" })).toEqual(["2024-05-01"]);
  });

  it("gives 37 points for 36 months from month start to month start", () => {
    const dates = historyDates({ from: "2021-07-01", to: "2024-07-01", step: "month" });
    expect(dates).toHaveLength(37);
    expect(dates.at(-1)).toBe("2024-07-01");
  });

  it("rejects a reversed range, a bad date and an unknown step", () => {
    expect(() => historyDates({ from: "2024-05-02", to: "2024-05-01", step: "month" })).toThrow(RangeError);
    expect(() => historyDates({ from: "2024-02-30", to: "2024-05-01", step: "month" })).toThrow(RangeError);
    expect(() => historyDates({ from: "2024-01-01", to: "2024-05-01", step: "week" as "month" })).toThrow(
      RangeError,
    );
  });
});

describe("history", () => {
  const measures = [
    done("m1", "2023-01-20", "b1"),
    done("m2", "2023-03-31", "b2"),
    done("m3", "2023-05-01", "a1x", "a1y", "b3"),
    done("m4", "2024-01-31", "b4"),
    planned("p1", "2024-06-30", "a2"),
    inProgress("p2", "2024-02-29", "b2"),
  ];

  it("follows the rules month by month, including an expiry", () => {
    const points = history(model, measures, { from: "2023-01-01", to: "2024-04-15", step: "month" });
    const b = (date: string) => points.find((p) => p.date === date)?.dimensions[1];
    expect(b("2023-02-01")).toEqual({ key: "b", level: 1, score: 1 });
    expect(b("2023-04-01")).toEqual({ key: "b", level: 2, score: 2 });
    expect(b("2023-06-01")).toEqual({ key: "b", level: 3, score: 3 });
    // b4 is valid from 2024-01-31 until 2024-02-29 (exclusive).
    expect(b("2024-02-01")).toEqual({ key: "b", level: 4, score: 4 });
    // b2 expired on 2024-03-31; on 2024-03-01 b4 has expired too.
    expect(b("2024-03-01")).toEqual({ key: "b", level: 3, score: 3 });
    expect(b("2024-04-01")).toEqual({ key: "b", level: 1, score: 1 });
    expect(points.at(-1)?.date).toBe("2024-04-15");
  });

  it.each(["actual", "plan"] as const)("equals assess at every date (%s)", (mode) => {
    const points = history(model, measures, { from: "2022-12-01", to: "2025-01-10", step: "month" }, mode);
    for (const point of points) {
      const expected = assess(model, measures, point.date, { mode });
      expect(point.index).toBe(expected.index);
      expect(point.dimensions).toEqual(
        expected.dimensions.map((d) => ({ key: d.key, level: d.level, score: d.score })),
      );
    }
  });

  it("keeps the renewal in plan mode where actual mode shows the expiry", () => {
    const range = { from: "2024-04-01", to: "2024-04-01", step: "month" } as const;
    expect(history(model, measures, range, "actual")[0]?.dimensions[1]?.level).toBe(1);
    expect(history(model, measures, range, "plan")[0]?.dimensions[1]?.level).toBe(3);
  });
});
