import { describe, expect, it } from "vitest";
import { applyStepDates, checkStepOrder, emptyStepDates } from "../src/steps.ts";

const today = "2026-03-10";

describe("applyStepDates", () => {
  it("dates the new step and keeps earlier ones", () => {
    const planning = applyStepDates(emptyStepDates, "not_started", "planning", "2025-01-05", today);
    expect(planning).toEqual({ ...emptyStepDates, planningSince: "2025-01-05" });
    const online = applyStepDates(planning, "planning", "online", null, today);
    expect(online).toEqual({ ...emptyStepDates, planningSince: "2025-01-05", onlineSince: today });
  });

  it("clears later steps on a step back, and everything on »nicht begonnen«", () => {
    const all = {
      planningSince: "2024-01-01",
      implementingSince: "2024-06-01",
      onlineSince: "2025-01-01",
      notResponsibleSince: null,
    };
    expect(applyStepDates(all, "online", "implementing", "2025-02-01", today)).toEqual({
      ...all,
      implementingSince: "2025-02-01",
      onlineSince: null,
    });
    expect(applyStepDates(all, "planning", "not_started", null, today)).toEqual(emptyStepDates);
  });

  it("keeps history when a Kommune is not responsible and clears that date when it leaves the status", () => {
    const start = { ...emptyStepDates, planningSince: "2024-01-01" };
    const nr = applyStepDates(start, "planning", "not_responsible", null, today);
    expect(nr).toEqual({ ...start, notResponsibleSince: today });
    expect(applyStepDates(nr, "not_responsible", "implementing", "2025-05-05", today)).toEqual({
      ...start,
      implementingSince: "2025-05-05",
    });
  });

  it("corrects the current step's date when the status stays", () => {
    const start = { ...emptyStepDates, onlineSince: "2025-01-01" };
    expect(applyStepDates(start, "online", "online", "2024-12-24", today).onlineSince).toBe("2024-12-24");
    expect(applyStepDates(start, "online", "online", null, today).onlineSince).toBe("2025-01-01");
  });
});

describe("checkStepOrder", () => {
  it("refuses dates that go backwards, in German", () => {
    expect(
      checkStepOrder({ ...emptyStepDates, planningSince: "2025-02-01", onlineSince: "2025-03-01" }),
    ).toBeNull();
    expect(
      checkStepOrder({ ...emptyStepDates, planningSince: "2025-02-01", onlineSince: "2025-01-01" }),
    ).toBe("Das Datum für »online verfügbar« liegt vor dem Datum für »in Planung« (01.02.2025).");
  });
});
