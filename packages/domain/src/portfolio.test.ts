import { describe, expect, it } from "vitest";
import { isoDate } from "./dates.ts";
import { can } from "./permissions.ts";
import {
  criterionWeights,
  DEFAULT_WEIGHTS,
  projectCreateInput,
  projectFilter,
  weightedScore,
} from "./portfolio.ts";
import { ROLES } from "./roles.ts";

describe("weighted score of a proposal", () => {
  it("is the weighted mean on the 0–5 scale, normalised to the sum of the weights", () => {
    const scores = { strategicFit: 5, urgency: 4, dependencies: 2, cost: 3 };
    expect(weightedScore(scores, DEFAULT_WEIGHTS)).toBe(3.95);
    // Weights that do not add up to 100 give the same ranking as their normalised form.
    expect(weightedScore(scores, { strategicFit: 4, urgency: 3, dependencies: 1.5, cost: 1.5 })).toBe(3.95);
    expect(weightedScore(scores, { strategicFit: 0, urgency: 0, dependencies: 0, cost: 100 })).toBe(3);
  });

  it("is null without scores or without any weight", () => {
    expect(weightedScore(null, DEFAULT_WEIGHTS)).toBeNull();
    expect(
      weightedScore(
        { strategicFit: 1, urgency: 1, dependencies: 1, cost: 1 },
        { strategicFit: 0, urgency: 0, dependencies: 0, cost: 0 },
      ),
    ).toBeNull();
    expect(
      criterionWeights.safeParse({ strategicFit: 0, urgency: 0, dependencies: 0, cost: 0 }).success,
    ).toBe(false);
  });
});

describe("portfolio inputs", () => {
  it("accept real calendar dates only, with German messages", () => {
    expect(isoDate.safeParse("2024-02-29").success).toBe(true);
    const bad = isoDate.safeParse("2023-02-29");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("Diesen Tag gibt es im Kalender nicht.");
  });

  it("refuse an end before the start, at the end field", () => {
    const r = projectCreateInput.safeParse({
      gbId: "00000000-0000-4000-8000-000000000001",
      rId: "00000000-0000-4000-8000-000000000002",
      name: "Projekt",
      start: "2024-05-01",
      end: "2024-04-30",
      status: "approved",
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      path: ["end"],
      message: "Das Ende darf nicht vor dem Start liegen.",
    });
  });

  it("keep the filter small and typed", () => {
    expect(projectFilter.safeParse({ status: "läuft" }).success).toBe(false);
    expect(projectFilter.parse({ year: 2023, mine: true })).toEqual({ year: 2023, mine: true });
  });
});

describe("portfolio permissions", () => {
  it("let every Kommune role read, the PMO run the portfolio, project leads edit their projects and register", () => {
    expect(ROLES.filter((r) => can(r, "portfolio.list"))).toEqual([
      "admin",
      "leadership",
      "coordinator",
      "project_lead",
      "viewer",
    ]);
    expect(ROLES.filter((r) => can(r, "portfolio.importCommit"))).toEqual(["coordinator"]);
    expect(ROLES.filter((r) => can(r, "portfolio.update"))).toEqual(["coordinator", "project_lead"]);
    expect(ROLES.filter((r) => can(r, "registration.submitProposal"))).toEqual([
      "coordinator",
      "project_lead",
    ]);
    expect(ROLES.filter((r) => can(r, "registration.decideProposal"))).toEqual(["leadership", "coordinator"]);
  });
});
