// A Kommune's maturity snapshots (maturity_snapshots), computed in its own tenant transaction with the pure engine
// (@spatz/maturity historyAt, which equals assess() at every date) on the whole administration and the model version
// the Kommune uses:
// - one current snapshot (Stichtag = today, Europe/Berlin), upserted by every refresh;
// - one per month end of the last 36 months, written once. The first refresh back-fills all of them; later refreshes
//   add the month ends that have passed since. When the Kommune moves to another model version, the month ends of
//   the window are rewritten with the new version (the engine is exact for any date).
// Per Stichtag one row per metric: "index" and each dimension (level, score, completed and open measures).
import { INDEX_METRIC, monthEndsBefore } from "@spatz/benchmark";
import { berlinToday } from "@spatz/domain";
import { historyAt, type IsoDate, type MaturityModel, type MeasureInput } from "@spatz/maturity";
import { and, asc, eq, gte, inArray, ne, notInArray, sql } from "drizzle-orm";
import { maturitySnapshots } from "../schema/benchmark.ts";
import { measures } from "../schema/measures.ts";
import { tenants } from "../schema/tenants.ts";
import type { TenantTx } from "../tenant-tx.ts";
import { governanceEvidence } from "./governance-evidence.ts";
import {
  getModelSummary,
  getPublishedModelSummary,
  loadModel,
  type ModelSummary,
} from "./maturity-models.ts";
import { getMaturitySettings } from "./measures.ts";

export type ModelInUse = {
  model: MaturityModel;
  summary: ModelSummary;
  /** False while the Kommune has not linked anything yet and simply follows the published version. */
  pinned: boolean;
};

/**
 * Published and superseded versions never change (triggers of maturity_security), so a process keeps the ones it has
 * loaded: the nightly refresh of thousands of Kommunen loads the model once, not once per Kommune.
 */
const finalModels = new Map<string, MaturityModel>();

export async function modelOf(tx: TenantTx, summary: ModelSummary): Promise<MaturityModel> {
  const cached = finalModels.get(summary.id);
  if (cached) return cached;
  const model = (await loadModel(tx, summary.id))!;
  if (summary.status !== "draft") finalModels.set(summary.id, model);
  return model;
}

/** The Kommune's model version: the one pinned in maturity_settings, else the currently published one. */
export async function modelInUse(tx: TenantTx): Promise<ModelInUse | null> {
  const settings = await getMaturitySettings(tx);
  const summary = settings ? await getModelSummary(tx, settings.modelId) : await getPublishedModelSummary(tx);
  if (!summary) return null;
  return { model: await modelOf(tx, summary), summary, pinned: settings !== null };
}

/** The active Kommunen of the registry (global: readable in any transaction, also without a tenant). */
export async function activeKommuneIds(tx: TenantTx): Promise<string[]> {
  const rows = await tx
    .select({ id: tenants.id })
    .from(tenants)
    .where(and(ne(tenants.kind, "state"), eq(tenants.status, "active")))
    .orderBy(asc(tenants.id));
  return rows.map((r) => r.id);
}

/** A measure as the snapshot needs it: the engine's input plus the day it was entered. */
export type SnapshotMeasure = MeasureInput & { createdOn: IsoDate };

export type SnapshotValue = {
  stichtag: IsoDate;
  metric: string;
  level: number | null;
  score: number;
  completedMeasures: number;
  openMeasures: number;
};

/**
 * The snapshot rows for each Stichtag (ascending): the engine's index and per dimension level and score, and the
 * measures linked to the dimension that were completed by the Stichtag (completion date ≤ Stichtag) or open on it
 * (entered by then, not discarded, not yet completed). The index row counts every measure linked to the model.
 * Discarded measures count nowhere: the date of discarding is not recorded.
 */
export function snapshotValues(
  model: MaturityModel,
  rows: readonly SnapshotMeasure[],
  stichtage: readonly IsoDate[],
  /** Governance evidence (Beschlüsse, RACI, process reviews): counts for the levels, not as measures. */
  evidence: readonly MeasureInput[] = [],
): SnapshotValue[] {
  const points = historyAt(model, [...rows, ...evidence], stichtage);
  const dimensionOf = new Map<string, string>();
  for (const d of model.dimensions)
    for (const l of d.levels) for (const c of l.criteria) dimensionOf.set(c.key, d.key);
  const linked = rows
    .filter((m) => m.status !== "discarded")
    .map((m) => ({
      measure: m,
      dimensions: new Set(m.criterionKeys.flatMap((k) => dimensionOf.get(k) ?? [])),
    }))
    .filter((m) => m.dimensions.size > 0);

  const values: SnapshotValue[] = [];
  for (const point of points) {
    const t = point.date;
    const completed = new Map<string, number>();
    const open = new Map<string, number>();
    let completedAll = 0;
    let openAll = 0;
    for (const { measure, dimensions } of linked) {
      const isCompleted =
        measure.status === "completed" && measure.completedOn !== null && measure.completedOn <= t;
      const isOpen = !isCompleted && measure.createdOn <= t;
      if (!isCompleted && !isOpen) continue;
      const counter = isCompleted ? completed : open;
      for (const d of dimensions) counter.set(d, (counter.get(d) ?? 0) + 1);
      if (isCompleted) completedAll++;
      else openAll++;
    }
    values.push({
      stichtag: t,
      metric: INDEX_METRIC,
      level: null,
      score: point.index,
      completedMeasures: completedAll,
      openMeasures: openAll,
    });
    for (const d of point.dimensions) {
      values.push({
        stichtag: t,
        metric: d.key,
        level: d.level,
        score: d.score,
        completedMeasures: completed.get(d.key) ?? 0,
        openMeasures: open.get(d.key) ?? 0,
      });
    }
  }
  return values;
}

async function snapshotMeasures(tx: TenantTx): Promise<SnapshotMeasure[]> {
  const rows = await tx
    .select({
      id: measures.id,
      status: measures.status,
      completedOn: measures.completedOn,
      plannedEnd: measures.plannedEnd,
      criterionKeys: measures.criterionKeys,
      createdOn: sql<string>`(${measures.createdAt} at time zone 'Europe/Berlin')::date::text`,
    })
    .from(measures);
  return rows;
}

export type SnapshotRefresh = {
  /** False when the Kommune has no model version (no published model yet): nothing was written. */
  computed: boolean;
  stichtag: IsoDate;
  /** The current snapshot's values changed (or it is new). */
  currentChanged: boolean;
  /** Month-end Stichtage written by this refresh (back-fill, a month that has passed, or a new model version). */
  monthEndsWritten: IsoDate[];
  /** The Kommune's month ends were rewritten because its model version changed. */
  modelChanged: boolean;
};

type Row = typeof maturitySnapshots.$inferInsert;

function sameValues(
  a: Pick<Row, "level" | "score" | "completedMeasures" | "openMeasures" | "modelId">,
  b: typeof a,
) {
  return (
    a.level === b.level &&
    a.score === b.score &&
    a.completedMeasures === b.completedMeasures &&
    a.openMeasures === b.openMeasures &&
    a.modelId === b.modelId
  );
}

/**
 * Refreshes the snapshots of the transaction's Kommune. Idempotent: a rerun on the same day writes no month end and
 * leaves the current snapshot's values as they are. Refreshes of one Kommune are serialised (advisory lock), so the
 * nightly run and a debounced refresh cannot interleave.
 */
export async function refreshMaturitySnapshot(
  tx: TenantTx,
  tenantId: string,
  opts: { today?: IsoDate } = {},
): Promise<SnapshotRefresh> {
  const today = opts.today ?? berlinToday();
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('spatz.benchmark_snapshot'), hashtext(${tenantId}))`,
  );
  const inUse = await modelInUse(tx);
  if (!inUse)
    return {
      computed: false,
      stichtag: today,
      currentChanged: false,
      monthEndsWritten: [],
      modelChanged: false,
    };
  const monthEnds = monthEndsBefore(today);
  // Always by tenant id: besides its own rows, a Kommune's transaction sees those that others share with Kommunen.
  const own = eq(maturitySnapshots.tenantId, tenantId);
  const [rows, evidence, current, written] = await Promise.all([
    snapshotMeasures(tx),
    governanceEvidence(tx),
    tx
      .select()
      .from(maturitySnapshots)
      .where(and(own, eq(maturitySnapshots.period, "current"))),
    tx
      .select({ stichtag: maturitySnapshots.stichtag, modelId: maturitySnapshots.modelId })
      .from(maturitySnapshots)
      .where(
        and(
          own,
          eq(maturitySnapshots.period, "month_end"),
          eq(maturitySnapshots.metric, INDEX_METRIC),
          gte(maturitySnapshots.stichtag, monthEnds[0]!),
        ),
      ),
  ]);
  const modelId = inUse.summary.id;
  const modelChanged = written.some((w) => w.modelId !== modelId);
  const missing = modelChanged ? monthEnds : monthEnds.filter((d) => !written.some((w) => w.stichtag === d));
  const values = snapshotValues(inUse.model, rows, [...missing, today], evidence);
  const toRow = (v: SnapshotValue, period: Row["period"]): Row => ({
    tenantId,
    period,
    stichtag: v.stichtag,
    metric: v.metric,
    modelId,
    modelVersion: inUse.summary.version,
    level: v.level,
    score: v.score,
    completedMeasures: v.completedMeasures,
    openMeasures: v.openMeasures,
  });

  const currentRows = values.filter((v) => v.stichtag === today).map((v) => toRow(v, "current"));
  const before = new Map(current.map((c) => [c.metric, c]));
  const currentChanged =
    current.length !== currentRows.length ||
    currentRows.some((r) => !before.has(r.metric) || !sameValues(before.get(r.metric)!, r));
  if (currentChanged || current.some((c) => c.stichtag !== today)) {
    await tx.delete(maturitySnapshots).where(
      and(
        own,
        eq(maturitySnapshots.period, "current"),
        notInArray(
          maturitySnapshots.metric,
          currentRows.map((r) => r.metric),
        ),
      ),
    );
    await tx
      .insert(maturitySnapshots)
      .values(currentRows)
      .onConflictDoUpdate({
        target: [maturitySnapshots.tenantId, maturitySnapshots.metric],
        targetWhere: sql`period = 'current'`,
        set: {
          stichtag: sql`excluded.stichtag`,
          modelId: sql`excluded.model_id`,
          modelVersion: sql`excluded.model_version`,
          level: sql`excluded.level`,
          score: sql`excluded.score`,
          completedMeasures: sql`excluded.completed_measures`,
          openMeasures: sql`excluded.open_measures`,
          computedAt: sql`now()`,
        },
      });
  }

  if (modelChanged) {
    await tx
      .delete(maturitySnapshots)
      .where(
        and(own, eq(maturitySnapshots.period, "month_end"), inArray(maturitySnapshots.stichtag, monthEnds)),
      );
  }
  const monthEndRows = values.filter((v) => v.stichtag !== today).map((v) => toRow(v, "month_end"));
  if (monthEndRows.length > 0) {
    // Written once: a concurrent writer of the same month end (impossible under the lock, but cheap to state) wins.
    await tx.insert(maturitySnapshots).values(monthEndRows).onConflictDoNothing();
  }
  return { computed: true, stichtag: today, currentChanged, monthEndsWritten: missing, modelChanged };
}
