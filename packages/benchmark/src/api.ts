// Input and output schemas of the `benchmark` procedures (packages/trpc/src/routers/benchmark.ts). Browser-safe: the
// screens use the same types. Every figure is either published or suppressed with its German reason.
import { isoDate } from "@spatz/domain";
import { z } from "zod";
import { parseGroupId } from "./groups.ts";
import { isMonthEnd } from "./stichtage.ts";
import { MAX_K, MIN_K } from "./texts.ts";

export type IsoDate = string;

export const groupIdInput = z
  .string()
  .max(40)
  .refine((id) => parseGroupId(id) !== null, "Diese Vergleichsgruppe gibt es nicht.");

/** "current" (the latest snapshots) or a month-end Stichtag. */
export const stichtagInput = z.union([
  z.literal("current"),
  isoDate.refine(isMonthEnd, "Stichtage sind Monatsenden: bitte den letzten Tag eines Monats wählen."),
]);

export const metricInput = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_.-]+$/, "Diese Kennzahl gibt es nicht.");

export const distributionInput = z.object({
  groupId: groupIdInput,
  stichtag: stichtagInput.default("current"),
});
export const trendInput = z.object({ groupId: groupIdInput, metric: metricInput.default("index") });
export const kreisMapInput = z.object({
  stichtag: stichtagInput.default("current"),
  metric: metricInput.default("index"),
});
export const levelCountsInput = z.object({
  dimensionKey: metricInput,
  minLevel: z.number().int().min(1).max(4),
  stichtag: stichtagInput.default("current"),
});
export const positionInput = z.object({ groupId: groupIdInput });
export const peersAheadInput = z.object({ dimensionKey: metricInput });
export const exportDistributionInput = distributionInput.extend({ format: z.enum(["csv", "xlsx"]) });
export const setKInput = z.object({
  k: z
    .number({ error: "Bitte eine ganze Zahl eingeben." })
    .int("Bitte eine ganze Zahl eingeben.")
    .min(
      MIN_K,
      `Die Mindestgröße ist ${MIN_K} Kommunen: kleinere Gruppen ließen Rückschlüsse auf einzelne zu.`,
    )
    .max(MAX_K, `Höchstens ${MAX_K} Kommunen.`),
});
export const setSharingInput = z.object({ withLand: z.boolean(), withKommunen: z.boolean() });

// ---- outputs ----

export const publishedFigures = z.object({
  suppressed: z.literal(false),
  /** Kommunen in the figure. */
  n: z.number().int(),
  min: z.number(),
  p25: z.number(),
  median: z.number(),
  p75: z.number(),
  max: z.number(),
  mean: z.number(),
  /** Kommunen at level 0..4 (dimensions only; null for the index). */
  levelCounts: z.array(z.number().int()).length(5).nullable(),
  /** The same as shares of n. */
  levelShares: z.array(z.number()).length(5).nullable(),
});
export const suppressedFigures = z.object({
  suppressed: z.literal(true),
  /** German, e.g. "weniger als 5 Kommunen – nicht ausgewiesen". */
  reason: z.string(),
});
export const figures = z.discriminatedUnion("suppressed", [publishedFigures, suppressedFigures]);
export type Figures = z.infer<typeof figures>;
export type PublishedFigures = z.infer<typeof publishedFigures>;

export const metricInfo = z.object({ key: z.string(), label: z.string() });
export const groupRef = z.object({
  id: z.string(),
  partition: z.enum(["all", "kind", "size", "kreis"]),
  label: z.string(),
});
export const stichtagRef = z.object({
  period: z.enum(["current", "month_end"]),
  /** The month end, or for "current" the day of the aggregation. */
  date: z.string(),
});

export const catalogueOutput = z.object({
  k: z.number().int(),
  /** When the current figures were computed; null before the first aggregation. */
  asOf: z.date().nullable(),
  /** Month ends with figures, oldest first. */
  stichtage: z.array(z.string()),
  metrics: z.array(metricInfo),
  groups: z.array(
    groupRef.extend({
      partitionLabel: z.string(),
      /** Kommunen in the group by the registry (not sensitive: kind, population and Kreis are public). */
      members: z.number().int(),
      /** The group's current figures are published. */
      published: z.boolean(),
      /** The caller's Kommune belongs to it (always false for the state). */
      own: z.boolean(),
    }),
  ),
});

export const distributionOutput = z.object({
  group: groupRef,
  stichtag: stichtagRef,
  k: z.number().int(),
  computedAt: z.date().nullable(),
  metrics: z.array(metricInfo.extend({ figures })),
});

export const trendOutput = z.object({
  group: groupRef,
  metric: metricInfo,
  k: z.number().int(),
  /** Month ends oldest first, then the current figures. */
  points: z.array(z.object({ stichtag: stichtagRef, figures })),
});

export const kreisMapOutput = z.object({
  metric: metricInfo,
  stichtag: stichtagRef,
  k: z.number().int(),
  computedAt: z.date().nullable(),
  kreise: z.array(
    z.object({
      kreisAgs: z.string(),
      kreisName: z.string(),
      groupId: z.string(),
      label: z.string(),
      /** Null where the Kreis' figures are suppressed (shade as "nicht ausgewiesen"). */
      median: z.number().nullable(),
      figures,
    }),
  ),
});

export const snapshotDimension = z.object({
  key: z.string(),
  label: z.string(),
  level: z.number().int(),
  score: z.number(),
  completedMeasures: z.number().int(),
  openMeasures: z.number().int(),
});

export const sharedKommunenOutput = z.object({
  metrics: z.array(metricInfo),
  rows: z.array(
    z.object({
      tenantId: z.string(),
      name: z.string(),
      kind: z.string(),
      kindLabel: z.string(),
      kreisName: z.string().nullable(),
      stichtag: z.string(),
      computedAt: z.date(),
      index: z.number(),
      dimensions: z.array(snapshotDimension.pick({ key: true, label: true, level: true, score: true })),
    }),
  ),
});

export const levelCountsOutput = z.object({
  dimension: metricInfo,
  minLevel: z.number().int(),
  stichtag: stichtagRef,
  k: z.number().int(),
  groups: z.array(
    z.object({
      group: groupRef,
      figures: z.discriminatedUnion("suppressed", [
        z.object({
          suppressed: z.literal(false),
          n: z.number().int(),
          /** Kommunen at level ≥ minLevel. */
          reached: z.number().int(),
          share: z.number(),
        }),
        suppressedFigures,
      ]),
    }),
  ),
});

export const settingsOutput = z.object({
  k: z.number().int(),
  minK: z.number().int(),
  maxK: z.number().int(),
  changedAt: z.date().nullable(),
  changedBy: z.string().nullable(),
});

export const statusOutput = z.object({
  k: z.number().int(),
  /** When the current figures were aggregated; null before the first run. */
  currentAsOf: z.date().nullable(),
  /** The newest month end with figures. */
  latestMonthEnd: z.string().nullable(),
  /** Kommunen in the current figures (the "all" group's n; null while suppressed or not computed). */
  kommunenCovered: z.number().int().nullable(),
  /** Benchmark jobs waiting, delayed, running or failed; null when the job queue cannot be reached. */
  queue: z
    .object({
      waiting: z.number().int(),
      delayed: z.number().int(),
      active: z.number().int(),
      failed: z.number().int(),
    })
    .nullable(),
  nextNightlyRun: z.date().nullable(),
  /** True when jobs are waiting or the current figures are older than a day. */
  behind: z.boolean(),
  /** German, for the status line. */
  summary: z.string(),
});

export const ownOutput = z.object({
  model: z.object({ id: z.string(), version: z.number().int(), name: z.string() }).nullable(),
  current: z
    .object({
      stichtag: z.string(),
      computedAt: z.date(),
      index: z.number(),
      completedMeasures: z.number().int(),
      openMeasures: z.number().int(),
      dimensions: z.array(snapshotDimension),
    })
    .nullable(),
  /** Month ends oldest first, then the current snapshot. */
  trend: z.array(
    z.object({
      stichtag: stichtagRef,
      index: z.number(),
      dimensions: z.array(z.object({ key: z.string(), level: z.number().int(), score: z.number() })),
    }),
  ),
});

export const percentileBandSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  label: z.string(),
});

export const positionOutput = z.object({
  group: groupRef,
  k: z.number().int(),
  computedAt: z.date().nullable(),
  metrics: z.array(
    metricInfo.extend({
      /** The Kommune's own current value (index or dimension score); null before its first snapshot. */
      own: z.number().nullable(),
      ownLevel: z.number().int().nullable(),
      figures,
      /** Where the own value lies among the group's quartiles; null when the figures are suppressed. */
      band: percentileBandSchema.nullable(),
    }),
  ),
  /** Dimensions where the Kommune lags the group median, largest gap first. */
  lagging: z.array(
    z.object({ key: z.string(), label: z.string(), own: z.number(), median: z.number(), gap: z.number() }),
  ),
});

export const peersAheadOutput = z.object({
  dimension: metricInfo,
  own: z.object({ level: z.number().int(), score: z.number() }).nullable(),
  /** Kommunen that share their figures with other Kommunen and are ahead in this dimension, best first. */
  peers: z.array(
    z.object({
      tenantId: z.string(),
      name: z.string(),
      kindLabel: z.string(),
      kreisName: z.string().nullable(),
      level: z.number().int(),
      score: z.number(),
      stichtag: z.string(),
    }),
  ),
});

export const sharingOutput = z.object({
  withLand: z.boolean(),
  withKommunen: z.boolean(),
  changedAt: z.date().nullable(),
  changedBy: z.string().nullable(),
  /** German sentences: exactly what is shared, for the settings page. */
  whatIsShared: z.array(z.string()),
  /** Whether the caller may change it (leadership and admin). */
  canChange: z.boolean(),
});

export const exportedFileOutput = z.object({
  filename: z.string(),
  mediaType: z.string(),
  base64: z.string(),
});

/** Exactly what a Kommune shares by name, shown on its settings page. */
export const SHARED_FIELDS = [
  "Name, Art und Landkreis der Kommune",
  "Reifegradindex und je Dimension Stufe und Punktwert, aktuell und zu jedem Monatsende der letzten 36 Monate",
  "Anzahl abgeschlossener und offener Maßnahmen je Dimension",
] as const;
