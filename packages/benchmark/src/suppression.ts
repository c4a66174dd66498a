// The differencing guard (secondary suppression): which groups may publish figures at one Stichtag.
//
// Primary rule: a group publishes only when it has at least k members. That alone is not enough, because published
// figures can be subtracted from one another: "all" minus the published kind groups is the sum (count, mean, level
// counts) of the suppressed kind groups. The guard therefore models what a reader can derive and suppresses further
// groups, smallest first, until nothing derivable covers fewer than k Kommunen.
//
// Derivable sets (a conservative model of additive figures – counts, sums, means, level counts):
// - every published group;
// - the universe of a partition (the union of its groups), when it is known: all of the partition's groups are
//   published, or it equals a known set, or the difference or disjoint union of two known sets;
// - for a partition with a known universe: the union of its suppressed groups (= universe minus the published ones).
// Rule: every derivable set S has |S| = 0 or |S| >= k, and for any two derivable sets A ⊇ B, |A \ B| = 0 or >= k.
// When the rule fails, the smallest published group among those the failing derivation uses is suppressed, and the
// check repeats. What the model does not cover (differences across Stichtage when a Kommune joins, inference through
// medians or min/max, combinations of three or more partitions) is written down in docs/adr/0009-benchmark-privacy.md.

export type GuardGroup = {
  id: string;
  /** Groups of one partition are disjoint; their union is the partition's universe. */
  partition: string;
  members: readonly string[];
};

export type SuppressionReason = "below_k" | "differencing";

export type GuardResult = {
  /** Ids of the groups that may publish, in input order. */
  published: string[];
  /** Ids of the suppressed groups with the reason, in input order. */
  suppressed: { id: string; reason: SuppressionReason }[];
};

/** A set of member indexes as a bit array; all sets of one run have the same length. */
type Bits = Uint32Array;

function popcount(bits: Bits): number {
  let n = 0;
  for (let w of bits) {
    while (w !== 0) {
      w &= w - 1;
      n++;
    }
  }
  return n;
}

function isSubset(small: Bits, big: Bits): boolean {
  for (let i = 0; i < small.length; i++) if ((small[i]! & ~big[i]!) !== 0) return false;
  return true;
}

function equalBits(a: Bits, b: Bits): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function disjoint(a: Bits, b: Bits): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i]! & b[i]!) !== 0) return false;
  return true;
}

function orInto(target: Bits, source: Bits): void {
  for (let i = 0; i < target.length; i++) target[i]! |= source[i]!;
}

type Derived = { bits: Bits; size: number; support: ReadonlySet<number> };

type Instance = {
  sets: Bits[];
  sizes: number[];
  partitions: Map<string, number[]>;
  words: number;
};

function instanceOf(groups: readonly GuardGroup[]): Instance {
  const index = new Map<string, number>();
  for (const g of groups) for (const m of g.members) if (!index.has(m)) index.set(m, index.size);
  const words = Math.max(1, Math.ceil(index.size / 32));
  const sets = groups.map((g) => {
    const bits = new Uint32Array(words);
    for (const m of g.members) {
      const i = index.get(m)!;
      bits[i >>> 5]! |= 1 << (i & 31);
    }
    return bits;
  });
  const partitions = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const list = partitions.get(g.partition) ?? [];
    list.push(i);
    partitions.set(g.partition, list);
  });
  return { sets, sizes: sets.map(popcount), partitions, words };
}

/** The derivable sets for the groups marked published (see the header for the model). */
function derivable(inst: Instance, published: readonly boolean[]): Derived[] {
  const derived: Derived[] = [];
  inst.sets.forEach((bits, i) => {
    if (published[i]) derived.push({ bits, size: inst.sizes[i]!, support: new Set([i]) });
  });

  type Universe = { bits: Bits; size: number; groups: number[]; support: Set<number> | null };
  const universes = [...inst.partitions.values()].map((groups): Universe => {
    const bits = new Uint32Array(inst.words);
    for (const g of groups) orInto(bits, inst.sets[g]!);
    const allPublished = groups.every((g) => published[g]);
    return { bits, size: popcount(bits), groups, support: allPublished ? new Set(groups) : null };
  });

  // Known universes grow until nothing changes: equal to a known set, or a difference or disjoint union of two.
  let changed = true;
  while (changed) {
    changed = false;
    const known: Derived[] = [
      ...derived,
      ...universes.filter((u) => u.support).map((u) => ({ bits: u.bits, size: u.size, support: u.support! })),
    ];
    for (const u of universes) {
      if (u.support) continue;
      const found = expressAs(u, known, inst.words);
      if (found) {
        u.support = found;
        changed = true;
      }
    }
  }

  for (const u of universes) {
    if (!u.support) continue;
    derived.push({ bits: u.bits, size: u.size, support: u.support });
    const rest = u.bits.slice();
    const support = new Set(u.support);
    for (const g of u.groups) {
      if (!published[g]) continue;
      for (let w = 0; w < rest.length; w++) rest[w]! &= ~inst.sets[g]![w]!;
      support.add(g);
    }
    const size = popcount(rest);
    if (size > 0) derived.push({ bits: rest, size, support });
  }
  return derived;
}

/** The support of a way to derive `target` from one or two known sets, or null. */
function expressAs(
  target: { bits: Bits; size: number },
  known: Derived[],
  words: number,
): Set<number> | null {
  for (const a of known)
    if (a.size === target.size && equalBits(a.bits, target.bits)) return new Set(a.support);
  const union = new Uint32Array(words);
  for (const a of known) {
    for (const b of known) {
      if (a === b) continue;
      // A \ B with B ⊆ A
      if (a.size - b.size === target.size && isSubset(b.bits, a.bits) && isSubset(target.bits, a.bits)) {
        if (disjoint(target.bits, b.bits)) return new Set([...a.support, ...b.support]);
      }
      // A ∪ B with A, B disjoint
      if (a.size + b.size === target.size && disjoint(a.bits, b.bits)) {
        union.set(a.bits);
        orInto(union, b.bits);
        if (equalBits(union, target.bits)) return new Set([...a.support, ...b.support]);
      }
    }
  }
  return null;
}

/** The first derivation that reveals fewer than k Kommunen: its support (published group indexes), or null. */
function firstViolation(derived: Derived[], k: number): ReadonlySet<number> | null {
  for (const s of derived) if (s.size > 0 && s.size < k) return s.support;
  const bySize = [...derived].sort((a, b) => b.size - a.size);
  for (let i = 0; i < bySize.length; i++) {
    const a = bySize[i]!;
    for (let j = i + 1; j < bySize.length; j++) {
      const b = bySize[j]!;
      const difference = a.size - b.size;
      if (difference === 0 || difference >= k) continue;
      if (isSubset(b.bits, a.bits)) return new Set([...a.support, ...b.support]);
    }
  }
  return null;
}

/**
 * Decides which groups publish. Deterministic: the same groups in the same order give the same answer. Groups with
 * fewer than k members are suppressed ("below_k"); further groups are suppressed, smallest first (then by input
 * order), until the rule in the header holds ("differencing").
 */
export function differencingGuard(groups: readonly GuardGroup[], k: number): GuardResult {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, not ${k}`);
  const inst = instanceOf(groups);
  const published = inst.sizes.map((n) => n >= k);
  const reasons: (SuppressionReason | null)[] = published.map((p) => (p ? null : "below_k"));
  for (;;) {
    const support = firstViolation(derivable(inst, published), k);
    if (!support) break;
    let victim = -1;
    for (const g of support) {
      if (!published[g]) continue;
      if (
        victim < 0 ||
        inst.sizes[g]! < inst.sizes[victim]! ||
        (inst.sizes[g] === inst.sizes[victim] && g < victim)
      )
        victim = g;
    }
    // Every derivation rests on at least one published group, so there is always one to suppress.
    published[victim] = false;
    reasons[victim] = "differencing";
  }
  return {
    published: groups.filter((_, i) => published[i]).map((g) => g.id),
    suppressed: groups.flatMap((g, i) => (published[i] ? [] : [{ id: g.id, reason: reasons[i]! }])),
  };
}
