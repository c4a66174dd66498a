import { describe, expect, it } from "vitest";
import {
  groupCatalogue,
  groupLabel,
  kreisGroupLabel,
  parseGroupId,
  peerGroupIdsOf,
  SIZE_CLASSES,
  sizeClassOf,
} from "../src/groups.ts";

describe("peer groups", () => {
  it("size classes follow the BBSR population thresholds (upper bound exclusive)", () => {
    expect(
      [0, 4_999, 5_000, 9_999, 10_000, 19_999, 20_000, 99_999, 100_000, 1_500_000].map(sizeClassOf),
    ).toEqual([
      "landgemeinde",
      "landgemeinde",
      "kleine_kleinstadt",
      "kleine_kleinstadt",
      "groessere_kleinstadt",
      "groessere_kleinstadt",
      "mittelstadt",
      "mittelstadt",
      "grossstadt",
      "grossstadt",
    ]);
    expect(SIZE_CLASSES).toHaveLength(5);
  });

  it("a Gemeinde is in all, its kind, its size class and its Kreis; a Landkreis only in all and the Kreisebene", () => {
    expect(peerGroupIdsOf({ kind: "einheitsgemeinde", population: 12_000, kreisAgs: "15085" })).toEqual([
      "all",
      "kind:einheitsgemeinde",
      "size:groessere_kleinstadt",
      "kreis:15085",
    ]);
    expect(peerGroupIdsOf({ kind: "verbandsgemeinde", population: 8_000, kreisAgs: "15081" })).toEqual([
      "all",
      "kind:verbandsgemeinde",
      "size:kleine_kleinstadt",
      "kreis:15081",
    ]);
    expect(peerGroupIdsOf({ kind: "landkreis", population: 200_000, kreisAgs: "15085" })).toEqual([
      "all",
      "kind:kreisebene",
    ]);
    // A kreisfreie Stadt has a size class but is no member of a Landkreis.
    expect(peerGroupIdsOf({ kind: "kreisfreie_stadt", population: 238_762, kreisAgs: "15002" })).toEqual([
      "all",
      "kind:kreisebene",
      "size:grossstadt",
    ]);
    expect(peerGroupIdsOf({ kind: "state", population: null, kreisAgs: null })).toEqual([]);
    // Without a population (a tenant created by hand) there is no size class.
    expect(peerGroupIdsOf({ kind: "einheitsgemeinde", population: null, kreisAgs: null })).toEqual([
      "all",
      "kind:einheitsgemeinde",
    ]);
  });

  it("parses only the group ids it defines", () => {
    expect(parseGroupId("all")).toEqual({ partition: "all", key: "" });
    expect(parseGroupId("kind:verbandsgemeinde")).toEqual({ partition: "kind", key: "verbandsgemeinde" });
    expect(parseGroupId("kreis:15084")).toEqual({ partition: "kreis", key: "15084" });
    for (const bad of ["", "kind:landkreis", "size:riesig", "kreis:1508", "kreis:abcde", "all:x", "x"])
      expect(parseGroupId(bad), bad).toBeNull();
  });

  it("names groups in German", () => {
    expect(kreisGroupLabel("Harz")).toBe("Gemeinden im Landkreis Harz");
    expect(kreisGroupLabel("Saalekreis")).toBe("Gemeinden im Saalekreis");
    expect(groupLabel("kind:kreisebene")).toBe("Landkreise und kreisfreie Städte");
    const catalogue = groupCatalogue([
      { ags: "15085", name: "Harz" },
      { ags: "15081", name: "Altmarkkreis Salzwedel" },
    ]);
    expect(catalogue.map((g) => g.id)).toEqual([
      "all",
      "kind:kreisebene",
      "kind:einheitsgemeinde",
      "kind:verbandsgemeinde",
      "size:landgemeinde",
      "size:kleine_kleinstadt",
      "size:groessere_kleinstadt",
      "size:mittelstadt",
      "size:grossstadt",
      "kreis:15081",
      "kreis:15085",
    ]);
    expect(catalogue.at(-1)!.label).toBe("Gemeinden im Landkreis Harz");
  });
});
