import { describe, expect, it } from "vitest";
import { distributionInput, setKInput } from "../src/api.ts";

describe("input schemas", () => {
  it("take 'current' or a month end as Stichtag, and only known groups", () => {
    expect(distributionInput.parse({ groupId: "all" })).toEqual({ groupId: "all", stichtag: "current" });
    expect(distributionInput.parse({ groupId: "kreis:15084", stichtag: "2024-02-29" }).stichtag).toBe(
      "2024-02-29",
    );
    const mid = distributionInput.safeParse({ groupId: "all", stichtag: "2026-11-15" });
    expect(mid.success ? "" : mid.error.issues[0]!.message).toMatch(/Monatsenden/);
    const unknown = distributionInput.safeParse({ groupId: "kind:landkreis" });
    expect(unknown.success ? "" : unknown.error.issues[0]!.message).toBe(
      "Diese Vergleichsgruppe gibt es nicht.",
    );
  });

  it("refuse a k below 3 with the reason", () => {
    const small = setKInput.safeParse({ k: 2 });
    expect(small.success ? "" : small.error.issues[0]!.message).toMatch(/Mindestgröße ist 3 Kommunen/);
    expect(setKInput.parse({ k: 7 })).toEqual({ k: 7 });
  });
});
