// The one rule for overdue measures, used by the lists, the board, the start page and the server's filter.
import { describe, expect, it } from "vitest";
import { isMeasureOverdue } from "./maturity.ts";

describe("isMeasureOverdue", () => {
  const today = "2026-12-06";
  it("is overdue only while open and after its planned end", () => {
    expect(isMeasureOverdue({ status: "planned", plannedEnd: "2026-12-05" }, today)).toBe(true);
    expect(isMeasureOverdue({ status: "in_progress", plannedEnd: "2026-01-31" }, today)).toBe(true);
    // Due today is not late yet.
    expect(isMeasureOverdue({ status: "in_progress", plannedEnd: today }, today)).toBe(false);
    expect(isMeasureOverdue({ status: "planned", plannedEnd: "2027-01-01" }, today)).toBe(false);
    expect(isMeasureOverdue({ status: "planned", plannedEnd: null }, today)).toBe(false);
    expect(isMeasureOverdue({ status: "completed", plannedEnd: "2026-01-01" }, today)).toBe(false);
    expect(isMeasureOverdue({ status: "discarded", plannedEnd: "2026-01-01" }, today)).toBe(false);
  });
});
