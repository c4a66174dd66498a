import { describe, expect, it } from "vitest";
import { buildDashboard } from "../src/dashboard.ts";
import { defaultModel } from "../src/default-model.ts";
import { sollForecasts } from "../src/soll-forecast.ts";
import type { MeasureInput } from "../src/types.ts";

const done = (id: string, completedOn: string, key: string): MeasureInput => ({
  id,
  status: "completed",
  completedOn,
  plannedEnd: null,
  criterionKeys: [key],
});

describe("Soll forecast at the current pace", () => {
  const today = "2026-12-05";
  const security = defaultModel.dimensions.find((d) => d.key === "sicherheit")!;
  const level1 = security.levels[0]!.criteria.map((c) => c.key);

  it("counts the missing criteria up to the target level and gives a range from the 6- and 12-month pace", () => {
    // Six measures in the last six months (1/month), six more in the six before (12-month pace also 1/month).
    const measures = [
      ...Array.from({ length: 12 }, (_, i) =>
        done(`m${i}`, `2026-${String(12 - i).padStart(2, "0")}-01`, "strategie.1.verantwortung"),
      ),
      done("isb", "2026-01-10", level1[0]!),
    ];
    const dashboard = buildDashboard(
      defaultModel,
      measures,
      [{ dimensionKey: "sicherheit", level: 2, dueOn: "2027-12-31" }],
      { today },
    );
    const { forecasts, paces } = sollForecasts(dashboard.current, dashboard.targets, measures, today);
    // 6 in the last six months; 13 in the last twelve (the ISB in January too).
    expect(paces.map((p) => Math.round(p.perMonth * 100) / 100)).toEqual([1, 1.08]);
    const level2 = security.levels[1]!.criteria.length;
    expect(forecasts).toHaveLength(1);
    expect(forecasts[0]).toMatchObject({ missingCriteria: level1.length - 1 + level2, verdict: "in_time" });
    expect("month" in forecasts[0]!.latest && forecasts[0]!.latest.month <= "2027-12").toBe(true);
  });

  it("says 'beyond the horizon' without progress, and leaves reached targets out", () => {
    const measures = level1.map((k, i) => done(`l${i}`, "2026-11-01", k));
    const dashboard = buildDashboard(
      defaultModel,
      measures,
      [
        { dimensionKey: "sicherheit", level: 1, dueOn: "2027-06-30" },
        { dimensionKey: "daten", level: 2, dueOn: "2027-06-30" },
      ],
      { today },
    );
    const { forecasts } = sollForecasts(dashboard.current, dashboard.targets, measures, today);
    expect(forecasts.map((f) => f.dimensionKey)).toEqual(["daten"]);
    // Without any completed measure there is no pace at all.
    const none = buildDashboard(
      defaultModel,
      [],
      [{ dimensionKey: "daten", level: 2, dueOn: "2027-06-30" }],
      {
        today,
      },
    );
    expect(sollForecasts(none.current, none.targets, [], today).forecasts[0]).toMatchObject({
      earliest: { beyond: true },
      latest: { beyond: true },
      verdict: "late",
    });
  });
});
