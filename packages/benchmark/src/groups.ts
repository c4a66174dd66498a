// Peer groups (Vergleichsgruppen) of the benchmark: which Kommunen a figure covers. Four partitions:
// - "all": every Kommune;
// - "kind" (Art): Kreisebene (Landkreise and kreisfreie Städte), Einheitsgemeinden, Verbandsgemeinden;
// - "size" (Größenklasse): the BBSR population classes, for Gemeinde-level tenants only (kreisfreie Städte,
//   Einheits- and Verbandsgemeinden; a Landkreis is compared in its kind group, not by size);
// - "kreis": the Einheits- and Verbandsgemeinden of one Landkreis.
// The database computes the same membership in SQL (benchmark_groups_of, migration benchmark_security); a test
// compares both for every real tenant and every class boundary, so the two cannot drift apart.
//
// Why kreisfreie Städte share a kind group with the Landkreise: Sachsen-Anhalt has 3 kreisfreie Städte. A group of
// its own is below k = 5, and "all" minus the other kind groups would reveal their sum anyway, so the differencing
// guard would have to suppress the Landkreis group too, leaving the Landkreise without any peer group. Both are
// Kreise in German statistics ("Kreise und kreisfreie Städte") and carry Kreis tasks, so they form one group
// (docs/adr/0009-benchmark-privacy.md).

export const KOMMUNE_KINDS = [
  "kreisfreie_stadt",
  "landkreis",
  "einheitsgemeinde",
  "verbandsgemeinde",
] as const;
export type KommuneKind = (typeof KOMMUNE_KINDS)[number];

export type PartitionKey = "all" | "kind" | "size" | "kreis";

export const KIND_GROUPS = [
  {
    key: "kreisebene",
    label: "Landkreise und kreisfreie Städte",
    kinds: ["kreisfreie_stadt", "landkreis"] as KommuneKind[],
  },
  { key: "einheitsgemeinde", label: "Einheitsgemeinden", kinds: ["einheitsgemeinde"] as KommuneKind[] },
  { key: "verbandsgemeinde", label: "Verbandsgemeinden", kinds: ["verbandsgemeinde"] as KommuneKind[] },
] as const;
export type KindGroupKey = (typeof KIND_GROUPS)[number]["key"];

/**
 * Größenklassen after the BBSR "Stadt- und Gemeindetyp" (Bundesinstitut für Bau-, Stadt- und Raumforschung,
 * Laufende Stadtbeobachtung – Raumabgrenzungen), by population alone: the BBSR also weighs a Gemeinde's central-place
 * function at the Landgemeinde/Kleinstadt boundary, which the reference data does not carry.
 * `below` is exclusive: a Gemeinde with exactly 20,000 inhabitants is a Mittelstadt.
 */
export const SIZE_CLASSES = [
  { key: "landgemeinde", label: "Landgemeinden (unter 5.000 Einwohner)", below: 5_000 },
  { key: "kleine_kleinstadt", label: "Kleine Kleinstädte (5.000 bis unter 10.000)", below: 10_000 },
  { key: "groessere_kleinstadt", label: "Größere Kleinstädte (10.000 bis unter 20.000)", below: 20_000 },
  { key: "mittelstadt", label: "Mittelstädte (20.000 bis unter 100.000)", below: 100_000 },
  { key: "grossstadt", label: "Großstädte (ab 100.000 Einwohner)", below: Number.POSITIVE_INFINITY },
] as const;
export type SizeClassKey = (typeof SIZE_CLASSES)[number]["key"];

export const SIZE_CLASS_SOURCE =
  "BBSR, Laufende Stadtbeobachtung – Raumabgrenzungen: Stadt- und Gemeindetyp (nach Einwohnerzahl)";

export const PARTITION_LABELS: Record<PartitionKey, string> = {
  all: "Alle Kommunen",
  kind: "Art der Kommune",
  size: "Größenklasse",
  kreis: "Landkreis",
};

export const ALL_GROUP_ID = "all";

/** What decides a tenant's peer groups (columns of `tenants`). */
export type PeerFacts = {
  kind: KommuneKind | "state";
  population: number | null;
  kreisAgs: string | null;
};

export function kindGroupOf(kind: KommuneKind): KindGroupKey {
  return KIND_GROUPS.find((g) => (g.kinds as readonly string[]).includes(kind))!.key;
}

export function sizeClassOf(population: number): SizeClassKey {
  return SIZE_CLASSES.find((c) => population < c.below)!.key;
}

/** Gemeinde-level tenants have a size class; Landkreise do not. */
export function hasSizeClass(kind: KommuneKind): boolean {
  return kind !== "landkreis";
}

/** Members of a Landkreis' group: the Einheits- and Verbandsgemeinden in it. */
export function belongsToKreisGroup(kind: KommuneKind): boolean {
  return kind === "einheitsgemeinde" || kind === "verbandsgemeinde";
}

/** The ids of every peer group a Kommune belongs to, "all" first; none for the state. */
export function peerGroupIdsOf(facts: PeerFacts): string[] {
  if (facts.kind === "state") return [];
  const ids = [ALL_GROUP_ID, `kind:${kindGroupOf(facts.kind)}`];
  if (hasSizeClass(facts.kind) && facts.population !== null)
    ids.push(`size:${sizeClassOf(facts.population)}`);
  if (belongsToKreisGroup(facts.kind) && facts.kreisAgs) ids.push(`kreis:${facts.kreisAgs}`);
  return ids;
}

export type GroupId = string;
export type ParsedGroupId = { partition: PartitionKey; key: string };

const GROUP_ID = /^(all)$|^(kind|size|kreis):([a-z0-9_]+)$/;

/** "kind:einheitsgemeinde" → { partition: "kind", key: "einheitsgemeinde" }; null for anything else. */
export function parseGroupId(id: string): ParsedGroupId | null {
  const match = GROUP_ID.exec(id);
  if (!match) return null;
  if (match[1]) return { partition: "all", key: "" };
  const partition = match[2] as PartitionKey;
  const key = match[3]!;
  if (partition === "kind" && !KIND_GROUPS.some((g) => g.key === key)) return null;
  if (partition === "size" && !SIZE_CLASSES.some((c) => c.key === key)) return null;
  if (partition === "kreis" && !/^\d{5}$/.test(key)) return null;
  return { partition, key };
}

export function partitionOf(id: string): PartitionKey {
  const parsed = parseGroupId(id);
  if (!parsed) throw new RangeError(`unknown benchmark group ${JSON.stringify(id)}`);
  return parsed.partition;
}

/** "Gemeinden im Landkreis Harz", "Gemeinden im Saalekreis" (the reference data names Kreise without "Landkreis"). */
export function kreisGroupLabel(kreisName: string): string {
  return /kreis/i.test(kreisName) ? `Gemeinden im ${kreisName}` : `Gemeinden im Landkreis ${kreisName}`;
}

/** The German name of a group; Kreis groups need the Kreis' name (`kreisNames` by Kreis AGS). */
export function groupLabel(id: string, kreisNames: ReadonlyMap<string, string> = new Map()): string {
  const parsed = parseGroupId(id);
  if (!parsed) return id;
  switch (parsed.partition) {
    case "all":
      return PARTITION_LABELS.all;
    case "kind":
      return KIND_GROUPS.find((g) => g.key === parsed.key)!.label;
    case "size":
      return SIZE_CLASSES.find((c) => c.key === parsed.key)!.label;
    case "kreis": {
      const name = kreisNames.get(parsed.key);
      return name ? kreisGroupLabel(name) : `Gemeinden im Kreis ${parsed.key}`;
    }
  }
}

export type GroupDefinition = { id: string; partition: PartitionKey; label: string };

/**
 * Every group that can exist for these Kreise: "all", the kind groups, the size classes and one group per Kreis,
 * in display order. A group without members is listed too; it is shown as suppressed.
 */
export function groupCatalogue(kreise: readonly { ags: string; name: string }[]): GroupDefinition[] {
  const names = new Map(kreise.map((k) => [k.ags, k.name]));
  return [
    { id: ALL_GROUP_ID, partition: "all" as const, label: PARTITION_LABELS.all },
    ...KIND_GROUPS.map((g) => ({ id: `kind:${g.key}`, partition: "kind" as const, label: g.label })),
    ...SIZE_CLASSES.map((c) => ({ id: `size:${c.key}`, partition: "size" as const, label: c.label })),
    ...[...kreise]
      .sort((a, b) => a.name.localeCompare(b.name, "de"))
      .map((k) => ({
        id: `kreis:${k.ags}`,
        partition: "kreis" as const,
        label: groupLabel(`kreis:${k.ags}`, names),
      })),
  ];
}
