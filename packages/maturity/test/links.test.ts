import { describe, expect, it } from "vitest";
import { mapCriterionLinks } from "../src/index.ts";
import { testModel } from "./support/fixtures.ts";

const next = testModel();

describe("mapCriterionLinks", () => {
  it("replaces mapped keys and keeps unmapped keys the new model still has", () => {
    expect(mapCriterionLinks(["old.a", "b1"], { "old.a": ["a1x", "a1y"] }, next)).toEqual({
      keys: ["a1x", "a1y", "b1"],
      dropped: [],
    });
  });

  it("drops unmapped keys the new model no longer has", () => {
    expect(mapCriterionLinks(["b1", "removed"], {}, next)).toEqual({ keys: ["b1"], dropped: ["removed"] });
  });

  it("drops a key mapped to nothing or only to keys the new model lacks", () => {
    expect(mapCriterionLinks(["b1", "b2"], { b1: [], b2: ["typo"] }, next)).toEqual({
      keys: [],
      dropped: ["b1", "b2"],
    });
  });

  it("lets the mapping win over an unchanged key and removes duplicates", () => {
    expect(mapCriterionLinks(["b2", "b3", "b3"], { b2: ["b3"] }, next)).toEqual({
      keys: ["b3"],
      dropped: [],
    });
  });

  it("does not treat inherited object properties as mappings", () => {
    expect(mapCriterionLinks(["constructor"], {}, next)).toEqual({ keys: [], dropped: ["constructor"] });
  });
});
