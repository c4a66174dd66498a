import { describe, expect, it } from "vitest";
import { type MaturityModel, validateModel } from "../src/index.ts";
import { testModel } from "./support/fixtures.ts";

function broken(change: (model: MaturityModel) => void): string[] {
  const model = testModel();
  change(model);
  return validateModel(model);
}

describe("validateModel", () => {
  it("accepts a valid model", () => {
    expect(validateModel(testModel())).toEqual([]);
  });

  it("reports a duplicate dimension key", () => {
    expect(broken((m) => (m.dimensions[1]!.key = "a"))).toEqual([
      "Dimensionsschlüssel „a“ ist mehrfach vergeben.",
    ]);
  });

  it("reports a criterion key used twice, even across dimensions, with both places", () => {
    const problems = broken((m) => (m.dimensions[1]!.levels[2]!.criteria[0]!.key = "a1y"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/„a1y“ ist mehrfach vergeben.*„a“, Stufe 1.*„b“, Stufe 3/);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("reports the weight %s", (weight) => {
    const problems = broken((m) => (m.dimensions[0]!.weight = weight));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/Dimension „a“: Das Gewicht muss größer als 0 sein/);
  });

  it("reports a level without criteria", () => {
    expect(broken((m) => (m.dimensions[1]!.levels[3]!.criteria = []))).toEqual([
      "Dimension „b“: Stufe 4 hat keine Kriterien.",
    ]);
  });

  it("reports a missing level", () => {
    expect(broken((m) => m.dimensions[0]!.levels.splice(2, 1))).toEqual(["Dimension „a“: Stufe 3 fehlt."]);
  });

  it("reports a duplicated level and the level it displaced", () => {
    const problems = broken((m) => (m.dimensions[0]!.levels[3]!.level = 2));
    expect(problems).toEqual([
      "Dimension „a“: Stufe 2 ist mehrfach definiert.",
      "Dimension „a“: Stufe 4 fehlt.",
    ]);
  });

  it("reports a level outside 1–4", () => {
    const problems = broken((m) => {
      m.dimensions[0]!.levels.push({ level: 5 as 4, name: "Zu hoch", criteria: [] });
    });
    expect(problems).toEqual(["Dimension „a“: Stufe 5 ist ungültig (erlaubt sind 1 bis 4)."]);
  });

  it.each([0, -12, 1.5, undefined, "12"])("reports the unknown validity %s", (validity) => {
    const problems = broken((m) => {
      (m.dimensions[1]!.levels[1]!.criteria[0] as { validityMonths: unknown }).validityMonths = validity;
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/Kriterium „b2“: Gültigkeitsdauer .* ist unbekannt/);
  });

  it("reports an empty model and a bad version", () => {
    expect(
      broken((m) => {
        m.version = 0;
        m.dimensions = [];
      }),
    ).toEqual(["Die Modellversion „0“ ist keine positive ganze Zahl.", "Das Modell hat keine Dimensionen."]);
  });

  it("collects several problems at once", () => {
    const problems = broken((m) => {
      m.dimensions[0]!.weight = 0;
      m.dimensions[1]!.levels[0]!.criteria = [];
    });
    expect(problems).toHaveLength(2);
  });
});
