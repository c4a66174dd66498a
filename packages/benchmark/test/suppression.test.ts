// The differencing guard: unit cases for the real structure of Sachsen-Anhalt and property tests over random group
// sizes and memberships, checked by an independent, plain-Set implementation of the rule.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { differencingGuard, type GuardGroup } from "../src/suppression.ts";

/** The rule of suppression.ts, written out with Sets: true when some derivable set reveals fewer than k. */
function violates(groups: readonly GuardGroup[], published: ReadonlySet<string>, k: number): string | null {
  const set = (g: GuardGroup) => new Set(g.members);
  const equal = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
  const subset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x));
  const pub = groups.filter((g) => published.has(g.id)).map(set);
  const partitions = new Map<string, GuardGroup[]>();
  for (const g of groups) partitions.set(g.partition, [...(partitions.get(g.partition) ?? []), g]);
  const universes = [...partitions.values()].map((gs) => ({
    groups: gs,
    set: new Set(gs.flatMap((g) => g.members)),
    known: gs.every((g) => published.has(g.id)),
  }));
  for (let changed = true; changed; ) {
    changed = false;
    const known = [...pub, ...universes.filter((u) => u.known).map((u) => u.set)];
    for (const u of universes) {
      if (u.known) continue;
      const derived = known.some(
        (a) =>
          equal(a, u.set) ||
          known.some(
            (b) =>
              a !== b &&
              ((subset(b, a) && equal(new Set([...a].filter((x) => !b.has(x))), u.set)) ||
                ([...a].every((x) => !b.has(x)) && equal(new Set([...a, ...b]), u.set))),
          ),
      );
      if (derived) {
        u.known = true;
        changed = true;
      }
    }
  }
  const derivable = [...pub];
  for (const u of universes.filter((x) => x.known)) {
    derivable.push(u.set);
    const rest = new Set(u.set);
    for (const g of u.groups) if (published.has(g.id)) for (const m of g.members) rest.delete(m);
    if (rest.size > 0) derivable.push(rest);
  }
  for (const s of derivable) if (s.size > 0 && s.size < k) return `a derivable set of ${s.size}`;
  for (const a of derivable)
    for (const b of derivable) {
      const d = a.size - b.size;
      if (d > 0 && d < k && subset(b, a)) return `a difference of ${d}`;
    }
  return null;
}

/** Members m0…m(n-1) laid out in partitions the way Sachsen-Anhalt's Kommunen are (real counts, fictitious names). */
function sachsenAnhalt(kindGroups: "kreisebene" | "four kinds"): GuardGroup[] {
  type T = { id: string; kind: string; size: string | null; kreis: string | null };
  const tenants: T[] = [];
  const add = (count: number, kind: string, size: string | null) => {
    for (let i = 0; i < count; i++) tenants.push({ id: `m${tenants.length}`, kind, size, kreis: null });
  };
  add(2, "kreisfreie_stadt", "grossstadt");
  add(1, "kreisfreie_stadt", "mittelstadt");
  add(11, "landkreis", null);
  add(50, "einheitsgemeinde", "kleine_kleinstadt");
  add(30, "einheitsgemeinde", "groessere_kleinstadt");
  add(21, "einheitsgemeinde", "mittelstadt");
  add(9, "verbandsgemeinde", "kleine_kleinstadt");
  add(9, "verbandsgemeinde", "groessere_kleinstadt");
  const kreisSizes = [6, 10, 13, 11, 14, 8, 11, 15, 13, 9, 9];
  const gemeinden = tenants.filter((t) => t.kind === "einheitsgemeinde" || t.kind === "verbandsgemeinde");
  let next = 0;
  kreisSizes.forEach((size, kreis) => {
    for (let i = 0; i < size; i++) gemeinden[next++]!.kreis = `k${kreis}`;
  });
  const groupBy = (partition: string, key: (t: T) => string | null): GuardGroup[] => {
    const byKey = new Map<string, string[]>();
    for (const t of tenants) {
      const k = key(t);
      if (k !== null) byKey.set(k, [...(byKey.get(k) ?? []), t.id]);
    }
    return [...byKey].map(([k, members]) => ({ id: `${partition}:${k}`, partition, members }));
  };
  const kindOf = (t: T) =>
    kindGroups === "kreisebene" && (t.kind === "landkreis" || t.kind === "kreisfreie_stadt")
      ? "kreisebene"
      : t.kind;
  return [
    { id: "all", partition: "all", members: tenants.map((t) => t.id) },
    ...groupBy("kind", kindOf),
    ...groupBy("size", (t) => t.size),
    ...groupBy("kreis", (t) => t.kreis),
  ];
}

describe("differencing guard", () => {
  it("suppresses the complement: 'all' minus a published kind must not reveal a small one", () => {
    const groups: GuardGroup[] = [
      { id: "all", partition: "all", members: ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"] },
      { id: "kind:x", partition: "kind", members: ["a", "b", "c", "d", "e", "f", "g"] },
      { id: "kind:y", partition: "kind", members: ["h", "i", "j"] },
    ];
    expect(differencingGuard(groups, 5)).toEqual({
      published: ["all"],
      suppressed: [
        { id: "kind:x", reason: "differencing" },
        { id: "kind:y", reason: "below_k" },
      ],
    });
  });

  it("suppresses the smaller of two published groups that differ in fewer than k members", () => {
    const many = Array.from({ length: 12 }, (_, i) => `t${i}`);
    const groups: GuardGroup[] = [
      { id: "size:a", partition: "size", members: many.slice(0, 10) },
      { id: "size:b", partition: "size", members: many.slice(10) },
      { id: "kreis:1", partition: "kreis", members: many.slice(0, 8) },
    ];
    const result = differencingGuard(groups, 3);
    expect(result.published).not.toContain("kreis:1");
    expect(violates(groups, new Set(result.published), 3)).toBeNull();
  });

  it("Sachsen-Anhalt with Kreisebene: only the Großstädte (2) are suppressed at k = 5", () => {
    const groups = sachsenAnhalt("kreisebene");
    const result = differencingGuard(groups, 5);
    expect(result.suppressed).toEqual([{ id: "size:grossstadt", reason: "below_k" }]);
    expect(violates(groups, new Set(result.published), 5)).toBeNull();
  });

  it("Sachsen-Anhalt with a kind group of its own for the 3 kreisfreie Städte: the Landkreise would lose theirs", () => {
    // Why kreisfreie Städte share the Kreisebene group (groups.ts): 'all' minus the other kinds reveals them.
    const groups = sachsenAnhalt("four kinds");
    const result = differencingGuard(groups, 5);
    expect(result.suppressed).toEqual(
      expect.arrayContaining([
        { id: "kind:kreisfreie_stadt", reason: "below_k" },
        { id: "kind:landkreis", reason: "differencing" },
      ]),
    );
    expect(violates(groups, new Set(result.published), 5)).toBeNull();
  });

  it("is deterministic and refuses a k below 1", () => {
    const groups = sachsenAnhalt("kreisebene");
    expect(differencingGuard(groups, 7)).toEqual(differencingGuard(groups, 7));
    expect(() => differencingGuard(groups, 0)).toThrow(RangeError);
  });

  /** Random partitions over n members: 'all', a kind partition of everyone, size and Kreis partitions of subsets. */
  const instances = fc
    .record({
      n: fc.integer({ min: 1, max: 40 }),
      kinds: fc.integer({ min: 1, max: 4 }),
      sizes: fc.integer({ min: 1, max: 5 }),
      kreise: fc.integer({ min: 1, max: 8 }),
      k: fc.integer({ min: 2, max: 7 }),
      seed: fc.array(fc.nat(), { minLength: 120, maxLength: 120 }),
    })
    .map(({ n, kinds, sizes, kreise, k, seed }) => {
      const pick = (i: number, mod: number) => seed[i % seed.length]! % mod;
      const members = Array.from({ length: n }, (_, i) => `t${i}`);
      const partition = (name: string, count: number, offset: number, inUniverse: (i: number) => boolean) => {
        const byKey = new Map<number, string[]>();
        members.forEach((m, i) => {
          if (!inUniverse(i)) return;
          const key = pick(i + offset, count);
          byKey.set(key, [...(byKey.get(key) ?? []), m]);
        });
        return [...byKey].map(([key, ms]) => ({ id: `${name}:${key}`, partition: name, members: ms }));
      };
      const groups: GuardGroup[] = [
        { id: "all", partition: "all", members },
        ...partition("kind", kinds, 0, () => true),
        ...partition("size", sizes, 40, (i) => pick(i + 80, 4) !== 0),
        ...partition("kreis", kreise, 17, (i) => pick(i + 99, 3) !== 0),
      ];
      return { groups, k };
    });

  it("property: published groups have at least k members and nothing derivable reveals fewer than k", () => {
    fc.assert(
      fc.property(instances, ({ groups, k }) => {
        const result = differencingGuard(groups, k);
        const published = new Set(result.published);
        for (const g of groups) {
          if (published.has(g.id)) expect(g.members.length).toBeGreaterThanOrEqual(k);
          else if (g.members.length < k)
            expect(result.suppressed).toContainEqual({ id: g.id, reason: "below_k" });
        }
        expect(result.published.length + result.suppressed.length).toBe(groups.length);
        expect(violates(groups, published, k)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it("property: with every group large and nothing nested, nothing is suppressed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 6 }), (k, groupsCount) => {
        // Disjoint groups of one partition, each of k or more, and no 'all': no derivation can isolate anyone.
        const groups: GuardGroup[] = Array.from({ length: groupsCount }, (_, g) => ({
          id: `kreis:${g}`,
          partition: "kreis",
          members: Array.from({ length: k + g }, (_, i) => `g${g}m${i}`),
        }));
        expect(differencingGuard(groups, k).suppressed).toEqual([]);
      }),
    );
  });
});
