// What the benchmark screens read: the k-anonymous aggregates (global, readable by every tenant), the caller's own
// snapshots, and other Kommunen's snapshots only where the database lets the caller see them (named sharing,
// policy maturity_snapshots_shared_read). Shapes follow the output schemas of @spatz/benchmark (api.ts).
import {
  differencingText,
  type Figures,
  groupCatalogue,
  groupLabel,
  INDEX_LABEL,
  INDEX_METRIC,
  type IsoDate,
  kreisGroupLabel,
  laggingDimensions,
  monthEndsBefore,
  PARTITION_LABELS,
  type PartitionKey,
  parseGroupId,
  peerGroupIdsOf,
  percentileBand,
  suppressionText,
} from "@spatz/benchmark";
import { berlinToday } from "@spatz/domain";
import { and, asc, desc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import { type MaturityBenchmark, maturityBenchmarks, maturitySnapshots } from "../schema/benchmark.ts";
import { tenants } from "../schema/tenants.ts";
import type { TenantTx } from "../tenant-tx.ts";
import { getBenchmarkSettings } from "./benchmark-sharing.ts";
import { modelInUse, modelOf } from "./benchmark-snapshots.ts";
import { getPublishedModelSummary } from "./maturity-models.ts";

export const NOT_COMPUTED_TEXT = "noch nicht berechnet";

const KIND_LABELS: Record<string, string> = {
  kreisfreie_stadt: "Kreisfreie Stadt",
  landkreis: "Landkreis",
  einheitsgemeinde: "Einheitsgemeinde",
  verbandsgemeinde: "Verbandsgemeinde",
};

export type Stichtag = "current" | IsoDate;
export type MetricInfo = { key: string; label: string };
type GroupRef = { id: string; partition: PartitionKey; label: string };

/** Active Kommunen per group, by the registry (global; the same SQL grouping as the aggregation). */
async function groupMembers(tx: TenantTx): Promise<Map<string, number>> {
  const rows = await tx.execute<{ group_id: string; n: number }>(sql`
    select g as group_id, count(*)::int as n
    from tenants t cross join lateral unnest(benchmark_groups_of(t.kind, t.population, t.kreis_ags)) as g
    where t.status = 'active'
    group by g`);
  return new Map(rows.map((r) => [r.group_id, r.n]));
}

/** The Landkreise that have a group: Kreis AGS and name, from the active Einheits- and Verbandsgemeinden in them. */
async function kreiseOf(tx: TenantTx): Promise<{ ags: string; name: string }[]> {
  const rows = await tx
    .selectDistinctOn([tenants.kreisAgs], { ags: tenants.kreisAgs, name: tenants.kreisName })
    .from(tenants)
    .where(
      and(
        inArray(tenants.kind, ["einheitsgemeinde", "verbandsgemeinde"]),
        eq(tenants.status, "active"),
        sql`${tenants.kreisAgs} is not null and ${tenants.kreisName} is not null`,
      ),
    )
    .orderBy(tenants.kreisAgs);
  return rows.map((r) => ({ ags: r.ags!, name: r.name! }));
}

/** The peer groups of one Kommune (none for the state). */
async function ownGroups(tx: TenantTx, tenantId: string | null): Promise<string[]> {
  if (!tenantId) return [];
  const [row] = await tx
    .select({ kind: tenants.kind, population: tenants.population, kreisAgs: tenants.kreisAgs })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return row ? peerGroupIdsOf(row) : [];
}

async function groupRef(tx: TenantTx, id: string): Promise<GroupRef> {
  const parsed = parseGroupId(id)!;
  if (parsed.partition !== "kreis") return { id, partition: parsed.partition, label: groupLabel(id) };
  const [row] = await tx
    .select({ name: tenants.kreisName })
    .from(tenants)
    .where(
      and(eq(tenants.kreisAgs, parsed.key), inArray(tenants.kind, ["einheitsgemeinde", "verbandsgemeinde"])),
    )
    .limit(1);
  return { id, partition: "kreis", label: row?.name ? kreisGroupLabel(row.name) : groupLabel(id) };
}

/** "index" and the dimensions of the published model version, with German names. */
export async function benchmarkMetrics(tx: TenantTx): Promise<MetricInfo[]> {
  const published = await getPublishedModelSummary(tx);
  const model = published ? await modelOf(tx, published) : null;
  return [
    { key: INDEX_METRIC, label: INDEX_LABEL },
    ...(model?.dimensions ?? []).map((d) => ({ key: d.key, label: d.name })),
  ];
}

function metricLabel(metrics: readonly MetricInfo[], key: string): string {
  return metrics.find((m) => m.key === key)?.label ?? key;
}

/** A stored row as the API's figures; no row means the group had no member with a snapshot then. */
export function toFigures(row: MaturityBenchmark | undefined, k: number, computed: boolean): Figures {
  if (!computed) return { suppressed: true, reason: NOT_COMPUTED_TEXT };
  if (!row || row.suppressed) {
    return {
      suppressed: true,
      reason: row?.suppressionReason === "differencing" ? differencingText(k) : suppressionText(k),
    };
  }
  const n = row.n!;
  return {
    suppressed: false,
    n,
    min: row.min!,
    p25: row.p25!,
    median: row.median!,
    p75: row.p75!,
    max: row.max!,
    mean: row.mean!,
    levelCounts: row.levelCounts ?? null,
    levelShares: row.levelCounts ? row.levelCounts.map((c) => c / n) : null,
  };
}

/** The date the current figures were computed for, or null before the first aggregation. */
async function currentStichtag(tx: TenantTx): Promise<{ date: IsoDate; computedAt: Date } | null> {
  const [row] = await tx
    .select({ date: maturityBenchmarks.stichtag, computedAt: maturityBenchmarks.computedAt })
    .from(maturityBenchmarks)
    .where(and(eq(maturityBenchmarks.period, "current"), eq(maturityBenchmarks.groupId, "all")))
    .orderBy(desc(maturityBenchmarks.stichtag))
    .limit(1);
  return row ?? null;
}

type Slot = { period: "current" | "month_end"; date: IsoDate | null; computedAt: Date | null };

async function resolveSlot(tx: TenantTx, stichtag: Stichtag): Promise<Slot> {
  if (stichtag === "current") {
    const current = await currentStichtag(tx);
    return { period: "current", date: current?.date ?? null, computedAt: current?.computedAt ?? null };
  }
  const [row] = await tx
    .select({ computedAt: maturityBenchmarks.computedAt })
    .from(maturityBenchmarks)
    .where(
      and(
        eq(maturityBenchmarks.period, "month_end"),
        eq(maturityBenchmarks.stichtag, stichtag),
        eq(maturityBenchmarks.groupId, "all"),
      ),
    )
    .limit(1);
  return { period: "month_end", date: stichtag, computedAt: row?.computedAt ?? null };
}

async function slotRows(tx: TenantTx, slot: Slot, where: ReturnType<typeof and>) {
  if (!slot.date) return [];
  return tx
    .select()
    .from(maturityBenchmarks)
    .where(
      and(eq(maturityBenchmarks.period, slot.period), eq(maturityBenchmarks.stichtag, slot.date), where),
    );
}

const slotRef = (slot: Slot) => ({ period: slot.period, date: slot.date ?? berlinToday() });

export async function benchmarkCatalogue(tx: TenantTx, ownTenantId: string | null) {
  const [settings, metrics, members, kreise, own, current, stichtage] = await Promise.all([
    getBenchmarkSettings(tx),
    benchmarkMetrics(tx),
    groupMembers(tx),
    kreiseOf(tx),
    ownGroups(tx, ownTenantId),
    currentStichtag(tx),
    tx
      .selectDistinct({ stichtag: maturityBenchmarks.stichtag })
      .from(maturityBenchmarks)
      .where(and(eq(maturityBenchmarks.period, "month_end"), eq(maturityBenchmarks.groupId, "all")))
      .orderBy(asc(maturityBenchmarks.stichtag)),
  ]);
  const published = current
    ? await tx
        .select({ groupId: maturityBenchmarks.groupId })
        .from(maturityBenchmarks)
        .where(
          and(
            eq(maturityBenchmarks.period, "current"),
            eq(maturityBenchmarks.stichtag, current.date),
            eq(maturityBenchmarks.metric, INDEX_METRIC),
            eq(maturityBenchmarks.suppressed, false),
          ),
        )
    : [];
  const publishedIds = new Set(published.map((p) => p.groupId));
  return {
    k: settings.k,
    asOf: current?.computedAt ?? null,
    stichtage: stichtage.map((s) => s.stichtag),
    metrics,
    groups: groupCatalogue(kreise).map((g) => ({
      ...g,
      partitionLabel: PARTITION_LABELS[g.partition],
      members: members.get(g.id) ?? 0,
      published: publishedIds.has(g.id),
      own: own.includes(g.id),
    })),
  };
}

export async function benchmarkDistribution(tx: TenantTx, groupId: string, stichtag: Stichtag) {
  const [settings, metrics, group, slot] = await Promise.all([
    getBenchmarkSettings(tx),
    benchmarkMetrics(tx),
    groupRef(tx, groupId),
    resolveSlot(tx, stichtag),
  ]);
  const rows = await slotRows(tx, slot, eq(maturityBenchmarks.groupId, groupId));
  const computed = slot.computedAt !== null;
  const byMetric = new Map(rows.map((r) => [r.metric, r]));
  const keys = [
    ...metrics.map((m) => m.key),
    ...rows.map((r) => r.metric).filter((m) => !metrics.some((x) => x.key === m)),
  ];
  return {
    group,
    stichtag: slotRef(slot),
    k: settings.k,
    computedAt: slot.computedAt,
    metrics: keys.map((key) => ({
      key,
      label: metricLabel(metrics, key),
      figures: toFigures(byMetric.get(key), settings.k, computed),
    })),
  };
}

export async function benchmarkTrend(tx: TenantTx, groupId: string, metric: string, today = berlinToday()) {
  const monthEnds = monthEndsBefore(today);
  const [settings, metrics, group, rows, current] = await Promise.all([
    getBenchmarkSettings(tx),
    benchmarkMetrics(tx),
    groupRef(tx, groupId),
    tx
      .select()
      .from(maturityBenchmarks)
      .where(
        and(
          eq(maturityBenchmarks.groupId, groupId),
          eq(maturityBenchmarks.metric, metric),
          eq(maturityBenchmarks.period, "month_end"),
          gte(maturityBenchmarks.stichtag, monthEnds[0]!),
        ),
      ),
    resolveSlot(tx, "current"),
  ]);
  const computedMonthEnds = new Set(
    (
      await tx
        .select({ stichtag: maturityBenchmarks.stichtag })
        .from(maturityBenchmarks)
        .where(
          and(
            eq(maturityBenchmarks.groupId, "all"),
            eq(maturityBenchmarks.metric, INDEX_METRIC),
            eq(maturityBenchmarks.period, "month_end"),
            gte(maturityBenchmarks.stichtag, monthEnds[0]!),
          ),
        )
    ).map((r) => r.stichtag),
  );
  const byDate = new Map(rows.map((r) => [r.stichtag, r]));
  const [currentRow] = await slotRows(
    tx,
    current,
    and(eq(maturityBenchmarks.groupId, groupId), eq(maturityBenchmarks.metric, metric)),
  );
  return {
    group,
    metric: { key: metric, label: metricLabel(metrics, metric) },
    k: settings.k,
    points: [
      ...monthEnds.map((date) => ({
        stichtag: { period: "month_end" as const, date },
        figures: toFigures(byDate.get(date), settings.k, computedMonthEnds.has(date)),
      })),
      {
        stichtag: slotRef(current),
        figures: toFigures(currentRow, settings.k, current.computedAt !== null),
      },
    ],
  };
}

export async function benchmarkKreisMap(tx: TenantTx, stichtag: Stichtag, metric: string) {
  const [settings, metrics, kreise, slot] = await Promise.all([
    getBenchmarkSettings(tx),
    benchmarkMetrics(tx),
    kreiseOf(tx),
    resolveSlot(tx, stichtag),
  ]);
  const figures = await slotRows(
    tx,
    slot,
    and(eq(maturityBenchmarks.metric, metric), sql`${maturityBenchmarks.groupId} like 'kreis:%'`),
  );
  const byGroup = new Map(figures.map((f) => [f.groupId, f]));
  const computed = slot.computedAt !== null;
  return {
    metric: { key: metric, label: metricLabel(metrics, metric) },
    stichtag: slotRef(slot),
    k: settings.k,
    computedAt: slot.computedAt,
    kreise: kreise
      .sort((a, b) => a.name.localeCompare(b.name, "de"))
      .map((kreis) => {
        const groupId = `kreis:${kreis.ags}`;
        const f = toFigures(byGroup.get(groupId), settings.k, computed);
        return {
          kreisAgs: kreis.ags,
          kreisName: kreis.name,
          groupId,
          label: kreisGroupLabel(kreis.name),
          median: f.suppressed ? null : f.median,
          figures: f,
        };
      }),
  };
}

export async function benchmarkLevelCounts(
  tx: TenantTx,
  dimensionKey: string,
  minLevel: number,
  stichtag: Stichtag,
) {
  const [catalogue, slot] = await Promise.all([benchmarkCatalogue(tx, null), resolveSlot(tx, stichtag)]);
  const rows = await slotRows(tx, slot, eq(maturityBenchmarks.metric, dimensionKey));
  const byGroup = new Map(rows.map((r) => [r.groupId, r]));
  const computed = slot.computedAt !== null;
  return {
    dimension: { key: dimensionKey, label: metricLabel(catalogue.metrics, dimensionKey) },
    minLevel,
    stichtag: slotRef(slot),
    k: catalogue.k,
    groups: catalogue.groups.map((g) => {
      const f = toFigures(byGroup.get(g.id), catalogue.k, computed);
      const group = { id: g.id, partition: g.partition, label: g.label };
      if (f.suppressed || !f.levelCounts) {
        return {
          group,
          figures: {
            suppressed: true as const,
            reason: f.suppressed ? f.reason : suppressionText(catalogue.k),
          },
        };
      }
      const reached = f.levelCounts.slice(minLevel).reduce((a, b) => a + b, 0);
      return { group, figures: { suppressed: false as const, n: f.n, reached, share: reached / f.n } };
    }),
  };
}

type SnapshotRow = typeof maturitySnapshots.$inferSelect;

/** Current snapshots of other Kommunen that the database lets this transaction read (named sharing), by Kommune. */
async function sharedCurrentSnapshots(tx: TenantTx, ownTenantId: string, metric?: string) {
  return tx
    .select({
      snapshot: maturitySnapshots,
      name: tenants.name,
      kind: tenants.kind,
      kreisName: tenants.kreisName,
    })
    .from(maturitySnapshots)
    .innerJoin(tenants, eq(tenants.id, maturitySnapshots.tenantId))
    .where(
      and(
        eq(maturitySnapshots.period, "current"),
        ne(maturitySnapshots.tenantId, ownTenantId),
        metric ? eq(maturitySnapshots.metric, metric) : undefined,
      ),
    );
}

/** The state's table of Kommunen that share with the Land: their current figures by name. */
export async function benchmarkSharedKommunen(tx: TenantTx, stateTenantId: string) {
  const [metrics, rows] = await Promise.all([
    benchmarkMetrics(tx),
    sharedCurrentSnapshots(tx, stateTenantId),
  ]);
  const byTenant = new Map<
    string,
    { name: string; kind: string; kreisName: string | null; rows: SnapshotRow[] }
  >();
  for (const r of rows) {
    const entry = byTenant.get(r.snapshot.tenantId) ?? {
      name: r.name,
      kind: r.kind,
      kreisName: r.kreisName,
      rows: [],
    };
    entry.rows.push(r.snapshot);
    byTenant.set(r.snapshot.tenantId, entry);
  }
  return {
    metrics,
    rows: [...byTenant]
      .filter(([, e]) => e.rows.some((r) => r.metric === INDEX_METRIC))
      .map(([tenantId, e]) => {
        const index = e.rows.find((r) => r.metric === INDEX_METRIC)!;
        return {
          tenantId,
          name: e.name,
          kind: e.kind,
          kindLabel: KIND_LABELS[e.kind] ?? e.kind,
          kreisName: e.kind === "landkreis" || e.kind === "kreisfreie_stadt" ? null : e.kreisName,
          stichtag: index.stichtag,
          computedAt: index.computedAt,
          index: index.score,
          dimensions: e.rows
            .filter((r) => r.metric !== INDEX_METRIC)
            .sort((a, b) => metricOrder(metrics, a.metric) - metricOrder(metrics, b.metric))
            .map((r) => ({
              key: r.metric,
              label: metricLabel(metrics, r.metric),
              level: r.level!,
              score: r.score,
            })),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, "de")),
  };
}

function metricOrder(metrics: readonly MetricInfo[], key: string): number {
  const i = metrics.findIndex((m) => m.key === key);
  return i < 0 ? metrics.length : i;
}

/** The Kommune's own snapshots: the current one and the month ends of the window (its own rows only). */
export async function benchmarkOwn(tx: TenantTx, tenantId: string, today = berlinToday()) {
  const monthEnds = monthEndsBefore(today);
  const [inUse, rows] = await Promise.all([
    modelInUse(tx),
    tx
      .select()
      .from(maturitySnapshots)
      .where(
        and(
          eq(maturitySnapshots.tenantId, tenantId),
          sql`(${maturitySnapshots.period} = 'current' or ${maturitySnapshots.stichtag} >= ${monthEnds[0]!})`,
        ),
      )
      .orderBy(asc(maturitySnapshots.stichtag)),
  ]);
  const labels = new Map((inUse?.model.dimensions ?? []).map((d) => [d.key, d.name]));
  const order = (inUse?.model.dimensions ?? []).map((d) => d.key);
  const sortDims = (a: SnapshotRow, b: SnapshotRow) => order.indexOf(a.metric) - order.indexOf(b.metric);
  const current = rows.filter((r) => r.period === "current");
  const currentIndex = current.find((r) => r.metric === INDEX_METRIC);
  const slots = new Map<string, SnapshotRow[]>();
  for (const r of rows.filter((r) => r.period === "month_end"))
    slots.set(r.stichtag, [...(slots.get(r.stichtag) ?? []), r]);
  const point = (period: "current" | "month_end", list: SnapshotRow[]) => {
    const index = list.find((r) => r.metric === INDEX_METRIC)!;
    return {
      stichtag: { period, date: index.stichtag },
      index: index.score,
      dimensions: list
        .filter((r) => r.metric !== INDEX_METRIC)
        .sort(sortDims)
        .map((r) => ({ key: r.metric, level: r.level!, score: r.score })),
    };
  };
  return {
    model: inUse ? { id: inUse.summary.id, version: inUse.summary.version, name: inUse.summary.name } : null,
    current: currentIndex
      ? {
          stichtag: currentIndex.stichtag,
          computedAt: currentIndex.computedAt,
          index: currentIndex.score,
          completedMeasures: currentIndex.completedMeasures,
          openMeasures: currentIndex.openMeasures,
          dimensions: current
            .filter((r) => r.metric !== INDEX_METRIC)
            .sort(sortDims)
            .map((r) => ({
              key: r.metric,
              label: labels.get(r.metric) ?? r.metric,
              level: r.level!,
              score: r.score,
              completedMeasures: r.completedMeasures,
              openMeasures: r.openMeasures,
            })),
        }
      : null,
    trend: [
      ...[...slots.values()]
        .filter((list) => list.some((r) => r.metric === INDEX_METRIC))
        .map((list) => point("month_end", list)),
      ...(currentIndex ? [point("current", current)] : []),
    ],
  };
}

/** Where the Kommune stands in a group: its own current values against the group's quartiles. */
export async function benchmarkPosition(
  tx: TenantTx,
  tenantId: string,
  groupId: string,
  stichtag: Stichtag = "current",
) {
  const [distribution, own] = await Promise.all([
    benchmarkDistribution(tx, groupId, stichtag),
    tx
      .select()
      .from(maturitySnapshots)
      .where(
        and(
          eq(maturitySnapshots.tenantId, tenantId),
          stichtag === "current"
            ? eq(maturitySnapshots.period, "current")
            : and(eq(maturitySnapshots.period, "month_end"), eq(maturitySnapshots.stichtag, stichtag)),
        ),
      ),
  ]);
  const ownBy = new Map(own.map((r) => [r.metric, r]));
  const metrics = distribution.metrics.map((m) => {
    const mine = ownBy.get(m.key);
    const band = mine && !m.figures.suppressed ? percentileBand(mine.score, m.figures) : null;
    return { ...m, own: mine?.score ?? null, ownLevel: mine?.level ?? null, band };
  });
  const lagging = laggingDimensions(
    new Map(own.filter((r) => r.metric !== INDEX_METRIC).map((r) => [r.metric, r.score])),
    new Map(
      metrics.flatMap((m) =>
        m.figures.suppressed || m.key === INDEX_METRIC ? [] : [[m.key, m.figures.median]],
      ),
    ),
  ).map((g) => ({
    key: g.dimensionKey,
    label: metrics.find((m) => m.key === g.dimensionKey)?.label ?? g.dimensionKey,
    own: g.own,
    median: g.median,
    gap: g.gap,
  }));
  return {
    group: distribution.group,
    k: distribution.k,
    computedAt: distribution.computedAt,
    metrics,
    lagging,
  };
}

/** Kommunen that share with other Kommunen and are ahead of the caller in one dimension (best first). */
export async function benchmarkPeersAhead(tx: TenantTx, tenantId: string, dimensionKey: string) {
  const [metrics, [mine], peers] = await Promise.all([
    benchmarkMetrics(tx),
    tx
      .select()
      .from(maturitySnapshots)
      .where(
        and(
          eq(maturitySnapshots.tenantId, tenantId),
          eq(maturitySnapshots.period, "current"),
          eq(maturitySnapshots.metric, dimensionKey),
        ),
      ),
    sharedCurrentSnapshots(tx, tenantId, dimensionKey),
  ]);
  const ownScore = mine?.score ?? 0;
  return {
    dimension: { key: dimensionKey, label: metricLabel(metrics, dimensionKey) },
    own: mine ? { level: mine.level ?? 0, score: mine.score } : null,
    peers: peers
      .filter((p) => p.snapshot.score > ownScore)
      .sort((a, b) => b.snapshot.score - a.snapshot.score || a.name.localeCompare(b.name, "de"))
      .map((p) => ({
        tenantId: p.snapshot.tenantId,
        name: p.name,
        kindLabel: KIND_LABELS[p.kind] ?? p.kind,
        kreisName: p.kind === "landkreis" || p.kind === "kreisfreie_stadt" ? null : p.kreisName,
        level: p.snapshot.level ?? 0,
        score: p.snapshot.score,
        stichtag: p.snapshot.stichtag,
      })),
  };
}

/** The figures of the aggregation run: when, the latest month end, how many Kommunen the current figures cover. */
export async function benchmarkFreshness(tx: TenantTx) {
  const [settings, current, [latest]] = await Promise.all([
    getBenchmarkSettings(tx),
    currentStichtag(tx),
    tx
      .select({ stichtag: maturityBenchmarks.stichtag })
      .from(maturityBenchmarks)
      .where(and(eq(maturityBenchmarks.period, "month_end"), eq(maturityBenchmarks.groupId, "all")))
      .orderBy(desc(maturityBenchmarks.stichtag))
      .limit(1),
  ]);
  const [all] = current
    ? await tx
        .select({ n: maturityBenchmarks.n })
        .from(maturityBenchmarks)
        .where(
          and(
            eq(maturityBenchmarks.period, "current"),
            eq(maturityBenchmarks.stichtag, current.date),
            eq(maturityBenchmarks.groupId, "all"),
            eq(maturityBenchmarks.metric, INDEX_METRIC),
          ),
        )
    : [];
  return {
    k: settings.k,
    currentAsOf: current?.computedAt ?? null,
    latestMonthEnd: latest?.stichtag ?? null,
    kommunenCovered: all?.n ?? null,
  };
}
